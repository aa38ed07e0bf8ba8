package dev.seestack.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The JVM shutdown hook of a client: other shutdown hooks (a framework closing its context) still log while it
 * runs, so it keeps accepting and sending until nothing new arrived for {@link #EXIT_QUIET_PERIOD} or the close
 * deadline passes, and only then closes the client. Split out of {@link ClientCore}.
 */
final class ShutdownDrain {
    /** How long the exit drain waits for new captures after its buffers emptied before it closes. */
    static final Duration EXIT_QUIET_PERIOD = Duration.ofMillis(100);

    private final ClientCore core;
    private final StatsReader stats;
    private final Thread hook;

    private ShutdownDrain(ClientCore core, StatsReader stats) {
        this.core = core;
        this.stats = stats;
        this.hook = new Thread(this::drainAtExit, "seestack-shutdown");
    }

    /** Registers the drain of {@code core} as a shutdown hook; null when the JVM refuses (shutting down, denied). */
    static ShutdownDrain register(ClientCore core, StatsReader stats) {
        ShutdownDrain drain = new ShutdownDrain(core, stats);
        try {
            Runtime.getRuntime().addShutdownHook(drain.hook);
            return drain;
        } catch (IllegalStateException | SecurityException e) {
            return null; // already shutting down, or not permitted
        }
    }

    /** Unregisters the hook when the client is closed by the application (not by the hook itself). */
    void remove() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // the JVM is shutting down: the hook is running or will run, and close() is idempotent
        }
    }

    void drainAtExit() {
        long end = System.nanoTime() + ClientCore.CLOSE_DEADLINE.toNanos();
        long seen = -1;
        while (core.isEnabled() && System.nanoTime() < end) {
            long captured = stats.totalCaptured();
            if (captured == seen) {
                break;
            }
            seen = captured;
            long remaining = end - System.nanoTime();
            core.flush(Duration.ofNanos(Math.max(1, remaining)));
            try {
                Thread.sleep(Math.max(0, Math.min(EXIT_QUIET_PERIOD.toMillis(),
                        TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        core.close();
    }
}
