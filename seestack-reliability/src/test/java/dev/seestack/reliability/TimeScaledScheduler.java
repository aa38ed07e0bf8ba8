package dev.seestack.reliability;

import dev.seestack.internal.delivery.ExecutorScheduler;
import dev.seestack.internal.delivery.Scheduler;

/**
 * The production scheduler with every delay divided by {@code factor}: retry backoffs, the flush timer and the
 * spool's probes run {@code factor} times faster, so a child JVM replays a minute-long outage in seconds with the
 * SDK's real threads and transport. Only the clock is compressed; the ratios between delays stay those of the SDK.
 */
final class TimeScaledScheduler implements Scheduler {
    private final ExecutorScheduler delegate = new ExecutorScheduler();
    private final long factor;

    TimeScaledScheduler(long factor) {
        this.factor = Math.max(1, factor);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMs) {
        return delegate.schedule(task, delayMs / factor);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, long periodMs) {
        return delegate.scheduleAtFixedRate(task, Math.max(1, periodMs / factor));
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}
