package dev.seestack.internal.delivery;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Requests waiting for a retry: they wait on the {@link Scheduler}, not on a sender, until their delay passes,
 * then move to the ready queue senders take from before any buffer.
 */
final class RetryQueue {
    private final Queue<Delivery> ready = new ConcurrentLinkedQueue<>();
    private final Queue<Delivery> waiting = new ConcurrentLinkedQueue<>();
    private final PipelineControl control;
    private final Scheduler scheduler;
    private final StopAccounting stop;

    RetryQueue(PipelineControl control, Scheduler scheduler, StopAccounting stop) {
        this.control = control;
        this.scheduler = scheduler;
        this.stop = stop;
    }

    /** The next retry whose delay has passed, or null. */
    Delivery pollReady() {
        return ready.poll();
    }

    /** Retries due now, waiting for a sender. */
    int readyCount() {
        return ready.size();
    }

    /** Items of {@code lane} waiting for a retry or ready for it; called with the lock held. */
    long heldItems(Lane lane) {
        long held = 0;
        for (Delivery d : ready) {
            held += d.lane == lane ? d.itemCount : 0;
        }
        for (Delivery d : waiting) {
            held += d.lane == lane ? d.itemCount : 0;
        }
        return held;
    }

    /** Queues {@code d} to be sent again after {@code delayMs}; called with the lock held. */
    void schedule(Delivery d, long delayMs) {
        if (control.isStopped()) {
            // stopped while this request was in flight: no sender will retry it
            stop.countStopDrop(d);
            return;
        }
        if (!control.isRunning()) {
            ready.add(d);
            control.workAvailable.signal();
            return;
        }
        d.released.set(false);
        waiting.add(d);
        try {
            scheduler.schedule(() -> moveToReady(d), delayMs);
        } catch (RuntimeException rejected) {
            moveToReady(d);
        }
    }

    private void moveToReady(Delivery d) {
        if (!d.released.compareAndSet(false, true)) {
            return;
        }
        control.lock.lock();
        try {
            waiting.remove(d);
            if (control.isStopped()) {
                stop.countStopDrop(d);
                return;
            }
            ready.add(d);
            control.workAvailable.signal();
        } finally {
            control.lock.unlock();
        }
    }

    /** Gives every waiting retry its attempt now (close's one last attempt). */
    void moveWaitingToReady() {
        for (Delivery d : waiting.toArray(new Delivery[0])) {
            moveToReady(d);
        }
    }

    /** Counts every queued retry as left by the stop; called with the lock held, once stopped. */
    void dropQueued() {
        dropQueued(ready);
        dropQueued(waiting);
    }

    private void dropQueued(Queue<Delivery> queue) {
        Delivery d;
        while ((d = queue.poll()) != null) {
            if (d.released.compareAndSet(false, true) || queue == ready) {
                stop.countStopDrop(d);
            }
        }
    }
}
