package dev.seestack.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Offers work from the calling thread at a steady rate for a while, as a busy service logs (load generation for
 * the latency tests and {@code LatencyReport}, not a wait for a condition): the i-th call is due at
 * {@code start + i / rate}; a late thread catches up, so the count offered matches the rate over the window.
 */
public final class OfferedLoad {
    /** What was offered: how many calls, over how many seconds. */
    public record Offered(long count, double seconds) {
    }

    private OfferedLoad() {
    }

    /** Calls {@code offer} with 0, 1, 2, ... at {@code perSecond} for {@code window}. */
    public static Offered run(int perSecond, Duration window, LongConsumer offer) {
        long start = System.nanoTime();
        long end = start + window.toNanos();
        double intervalNanos = 1e9 / perSecond;
        long i = 0;
        while (true) {
            long due = start + (long) (i * intervalNanos);
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            offer.accept(i++);
        }
        return new Offered(i, (System.nanoTime() - start) / 1e9);
    }
}
