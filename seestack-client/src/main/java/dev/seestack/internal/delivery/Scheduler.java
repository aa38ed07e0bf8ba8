package dev.seestack.internal.delivery;

/** Runs delayed and periodic tasks; injectable so tests drive time instead of waiting for it. */
public interface Scheduler {
    /** Runs {@code task} once after {@code delayMs}; the returned handle cancels it. */
    Cancellable schedule(Runnable task, long delayMs);

    /** Runs {@code task} every {@code periodMs}, first after one period. */
    Cancellable scheduleAtFixedRate(Runnable task, long periodMs);

    /** The clock its delays are measured on, in nanoseconds ({@link System#nanoTime()}); tests move it. */
    default long nanoTime() {
        return System.nanoTime();
    }

    /** Stops running tasks and releases the scheduler's thread. */
    void shutdown();

    /** A handle to a scheduled task. */
    interface Cancellable {
        void cancel();
    }
}
