package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.DaemonThreadFactory;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The production {@link Scheduler}: one daemon thread named {@code seestack-scheduler-1}. */
public final class ExecutorScheduler implements Scheduler {
    private final ScheduledThreadPoolExecutor executor;

    public ExecutorScheduler() {
        executor = new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory("scheduler"));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMs) {
        ScheduledFuture<?> f = executor.schedule(guard(task), delayMs, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, long periodMs) {
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(guard(task), periodMs, periodMs, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException ignored) {
                // a failing task must not cancel the periodic flush
            }
        };
    }
}
