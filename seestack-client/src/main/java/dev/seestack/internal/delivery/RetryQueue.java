package dev.seestack.internal.delivery;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Requests waiting for a retry: they wait on the {@link Scheduler}, not on a sender, until their delay passes,
 * then move to the ready queue senders take from before any buffer. Each waits in its lane's queue and counts
 * in its lane's {@code retryItems} against the buffer's budget (see {@link Lanes#keepWithinBudget}) until sent.
 */
final class RetryQueue {
    private final Queue<Delivery> ready = new ConcurrentLinkedQueue<>();
    private final PipelineControl control;
    private final Scheduler scheduler;
    private final StopAccounting stop;
    private final Lanes lanes;

    RetryQueue(PipelineControl control, Scheduler scheduler, StopAccounting stop, Lanes lanes) {
        this.control = control;
        this.scheduler = scheduler;
        this.stop = stop;
        this.lanes = lanes;
    }

    /** The next retry whose delay has passed, or null; it leaves the budget as it goes in flight. */
    Delivery pollReady() {
        Delivery d = ready.poll();
        if (d != null) {
            d.lane.retryItems.addAndGet(-d.itemCount);
        }
        return d;
    }

    /** Retries due now, waiting for a sender. */
    int readyCount() {
        return ready.size();
    }

    /** Items of {@code lane} waiting for a retry or ready for it; called with the lock held. */
    long heldItems(Lane lane) {
        return lane.retryItems.get();
    }

    /** Queues {@code d} to be sent again after {@code delayMs}; called with the lock held. */
    void schedule(Delivery d, long delayMs) {
        if (control.isStopped()) {
            // stopped while this request was in flight: no sender will retry it
            stop.countStopDrop(d);
            return;
        }
        d.lane.retryItems.addAndGet(d.itemCount);
        if (!control.isRunning()) {
            ready.add(d);
            control.workAvailable.signal();
            return;
        }
        d.released.set(false);
        d.lane.retrying.add(d);
        lanes.keepWithinBudget(d.lane);
        if (d.released.get()) {
            return; // the budget dropped it at once (the oldest): no timer holds it
        }
        try {
            Scheduler.Cancellable timer = scheduler.schedule(() -> moveToReady(d), delayMs);
            d.retryTimer = timer;
            if (d.released.get()) {
                timer.cancel(); // dropped by a capture meanwhile (or already moved): release what the timer holds
            }
        } catch (RuntimeException rejected) {
            moveToReady(d);
        }
    }

    private void moveToReady(Delivery d) {
        if (!d.released.compareAndSet(false, true)) {
            return;
        }
        d.retryTimer = null;
        control.lock.lock();
        try {
            d.lane.retrying.remove(d);
            if (control.isStopped()) {
                d.lane.retryItems.addAndGet(-d.itemCount);
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
        for (Lane lane : lanes.inTakeOrder()) {
            for (Delivery d : lane.retrying.toArray(new Delivery[0])) {
                moveToReady(d);
            }
        }
    }

    /** Counts every queued retry as left by the stop; called with the lock held, once stopped. */
    void dropQueued() {
        Delivery d;
        while ((d = pollReady()) != null) {
            stop.countStopDrop(d);
        }
        for (Lane lane : lanes.inTakeOrder()) {
            while ((d = lane.retrying.poll()) != null) {
                if (d.released.compareAndSet(false, true)) {
                    d.lane.retryItems.addAndGet(-d.itemCount);
                    stop.countStopDrop(d);
                }
            }
        }
    }
}
