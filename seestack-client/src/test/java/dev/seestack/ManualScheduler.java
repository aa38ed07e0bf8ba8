package dev.seestack;

import dev.seestack.internal.delivery.Scheduler;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} driven by the test: time moves only through {@link #advance(long)}. */
public final class ManualScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();
    private final List<Long> requestedDelays = new ArrayList<>();
    private long now;
    private boolean shutdown;

    @Override
    public synchronized Cancellable schedule(Runnable task, long delayMs) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        requestedDelays.add(delayMs);
        Task t = new Task(task, now + delayMs, 0);
        tasks.add(t);
        return () -> cancel(t);
    }

    @Override
    public synchronized Cancellable scheduleAtFixedRate(Runnable task, long periodMs) {
        Task t = new Task(task, now + periodMs, periodMs);
        tasks.add(t);
        return () -> cancel(t);
    }

    /** The manual time: round trips measured on it take only the time the test advanced. */
    @Override
    public synchronized long nanoTime() {
        return now * 1_000_000L;
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        tasks.clear();
    }

    /** Delays passed to one-shot {@link #schedule} calls (retry backoffs), in call order. */
    public synchronized List<Long> requestedDelays() {
        return new ArrayList<>(requestedDelays);
    }

    /** Number of one-shot tasks waiting. */
    public synchronized int pendingOneShots() {
        return (int) tasks.stream().filter(t -> t.periodMs == 0).count();
    }

    /** Moves time forward, running every task that falls due (periodic ones as often as they fall due). */
    public void advance(long ms) {
        long target;
        synchronized (this) {
            target = now + ms;
        }
        while (true) {
            Task due;
            synchronized (this) {
                due = tasks.stream().filter(t -> t.dueAt <= target).min((a, b) -> Long.compare(a.dueAt, b.dueAt))
                        .orElse(null);
                if (due == null) {
                    now = target;
                    return;
                }
                now = due.dueAt;
                if (due.periodMs > 0) {
                    due.dueAt += due.periodMs;
                } else {
                    tasks.remove(due);
                }
            }
            due.runnable.run();
        }
    }

    private synchronized void cancel(Task t) {
        tasks.remove(t);
    }

    private static final class Task {
        final Runnable runnable;
        long dueAt;
        final long periodMs;

        Task(Runnable runnable, long dueAt, long periodMs) {
            this.runnable = runnable;
            this.dueAt = dueAt;
            this.periodMs = periodMs;
        }
    }
}
