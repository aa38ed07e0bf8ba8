package dev.seestack.internal.delivery;

import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.diag.DropWarnings;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The per-feature buffers and when senders may take from them: the size trigger, the timer, a flush, and the
 * short linger of a released lane that has just run empty. Release state is guarded by the pipeline lock.
 */
final class Lanes {
    /** How long a released, emptied buffer stays released waiting for more items. */
    static final long DRAIN_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Map<Feature, Lane> lanes = new EnumMap<>(Feature.class);
    /** Errors and heartbeats first: they are rare and sent immediately; logs last. */
    private final Lane[] takeOrder;
    private final PipelineControl control;
    private final Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers;
    private final Diagnostics diagnostics;
    private final SpoolHooks spool;
    private final DropWarnings drops;

    Lanes(int bufferSize, PipelineControl control, Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers,
            Diagnostics diagnostics, SpoolHooks spool, DropWarnings drops) {
        this.drops = drops;
        this.control = control;
        this.batchAssemblers = batchAssemblers;
        this.diagnostics = diagnostics;
        this.spool = spool;
        for (Feature f : Feature.values()) {
            Lane lane = new Lane(f, bufferSize);
            lane.onEvicted = evicted -> onEvicted(lane, evicted); // one sink per lane: nothing allocated per item
            lanes.put(f, lane);
        }
        takeOrder = new Lane[] {lanes.get(Feature.ERRORS), lanes.get(Feature.HEARTBEATS),
            lanes.get(Feature.HTTP_REQUESTS), lanes.get(Feature.LOGS)};
    }

    Lane get(Feature feature) {
        return lanes.get(feature);
    }

    /** Every lane, in the order senders take from them. */
    Lane[] inTakeOrder() {
        return takeOrder;
    }

    /** Buffers {@code item} in its lane and wakes a sender when its feature is immediate or its trigger is reached. */
    void offer(Lane lane, Encodable item) {
        lane.buffer.offer(item, lane.onEvicted);
        if (lane.retryItems.get() > 0) {
            keepWithinBudget(lane);
        }
        if (lane.feature.isImmediate()) {
            control.signalWork();
        } else if (!lane.released && lane.buffer.size() >= lane.triggerSize) {
            release(lane);
        }
    }

    /** Counts (or spools) an item the full buffer of {@code lane} evicted to make room; on the capturing thread. */
    private void onEvicted(Lane lane, Encodable evicted) {
        if (spool.spoolEvicted(lane, evicted)) {
            lane.counters.spooled.increment();
            return;
        }
        lane.counters.droppedBufferFull.increment();
        drops.record(lane.feature.ordinal(), DropWarnings.Cause.BUFFER_FULL, 1);
    }

    /**
     * Keeps the items of {@code lane} buffered or waiting for a retry within its buffer's capacity: while they
     * exceed it, the oldest waiting retry (older than anything buffered) is spooled or dropped and counted in
     * {@code droppedBufferFull}. Lock-free, so the capturing thread may call it: the retry's {@code released} flag
     * decides between this and its timer.
     */
    void keepWithinBudget(Lane lane) {
        while (lane.buffer.size() + lane.retryItems.get() > lane.buffer.capacity()) {
            Delivery oldest = lane.retrying.poll();
            if (oldest == null) {
                return; // what remains is ready to be sent, or buffered
            }
            if (!oldest.released.compareAndSet(false, true)) {
                continue; // its timer moved it to the ready queue meanwhile
            }
            Scheduler.Cancellable timer = oldest.retryTimer;
            if (timer != null) {
                timer.cancel();
            }
            lane.retryItems.addAndGet(-oldest.itemCount);
            if (spool.spoolDelivery(oldest)) {
                lane.counters.spooled.add(oldest.itemCount);
            } else {
                lane.counters.droppedBufferFull.add(oldest.itemCount);
                drops.record(lane.feature.ordinal(), DropWarnings.Cause.BUFFER_FULL, oldest.itemCount);
            }
        }
    }

    private void release(Lane lane) {
        control.lock.lock();
        try {
            lane.released = true;
            control.workAvailable.signal();
        } finally {
            control.lock.unlock();
        }
    }

    /** The timer's tick: releases every lane holding items, and prints the drop reports that are due. */
    void releaseBuffered() {
        drops.reportDue();
        control.lock.lock();
        try {
            for (Lane lane : takeOrder) {
                if (lane.buffer.size() > 0) {
                    lane.released = true;
                }
            }
            control.workAvailable.signalAll();
        } finally {
            control.lock.unlock();
        }
    }

    /** Releases every lane, for a flush or close; called with the lock held. */
    void releaseAll() {
        for (Lane lane : takeOrder) {
            lane.released = true;
        }
    }

    /**
     * Once a flush has delivered everything, the buffers it released wait for their trigger or the timer
     * again instead of lingering released: otherwise items captured within the linger after a flush keep every
     * sender busy (the lane stays released while items keep coming), competing with the capturing threads for
     * the CPU. Called with the lock held.
     */
    void unreleaseDrained() {
        for (Lane lane : takeOrder) {
            if (!lane.feature.isImmediate() && lane.buffer.size() == 0) {
                lane.released = false;
                lane.lingerUntil = 0;
            }
        }
    }

    boolean isReleased(Feature feature) {
        control.lock.lock();
        try {
            return lanes.get(feature).released;
        } finally {
            control.lock.unlock();
        }
    }

    /** Items in every buffer, released or still filling towards its trigger; called with the lock held. */
    long bufferedItems() {
        long n = 0;
        for (Lane lane : takeOrder) {
            n += lane.buffer.size();
        }
        return n;
    }

    /** The next request from a released lane, or null; called with the lock held. */
    Delivery takeReleased() {
        for (Lane lane : takeOrder) {
            if (!lane.released) {
                continue;
            }
            Delivery d = lane.feature.isBatched() ? nextBatch(lane) : nextSingle(lane);
            if (d != null) {
                lane.lingerUntil = 0;
                return d;
            }
            if (!lane.feature.isImmediate()) {
                long now = System.nanoTime();
                if (lane.lingerUntil == 0) {
                    lane.lingerUntil = now + DRAIN_LINGER_NANOS;
                } else if (now - lane.lingerUntil >= 0) {
                    lane.released = false;
                    lane.lingerUntil = 0;
                }
            }
        }
        return null;
    }

    /** Time until the earliest lingering lane gives up, or 0 when none lingers; called with the lock held. */
    long lingerRemainingNanos() {
        long now = System.nanoTime();
        long remaining = 0;
        for (Lane lane : takeOrder) {
            if (lane.released && lane.lingerUntil != 0) {
                long r = Math.max(1, lane.lingerUntil - now);
                remaining = remaining == 0 ? r : Math.min(remaining, r);
            }
        }
        return remaining;
    }

    private Delivery nextSingle(Lane lane) {
        Encodable item = lane.buffer.poll();
        return item == null ? null : new Delivery(lane, item, 1);
    }

    private Delivery nextBatch(Lane lane) {
        List<Encodable> items = new ArrayList<>(Math.min(lane.buffer.size(), lane.feature.maxBatchItems()));
        if (lane.buffer.drainTo(items, lane.feature.maxBatchItems()) == 0) {
            return null;
        }
        Function<List<Encodable>, Encodable> assembler = batchAssemblers.get(lane.feature);
        if (assembler == null) {
            lane.counters.rejected.add(items.size());
            diagnostics.warnOnce("no-assembler-" + lane.feature,
                    "SeeStack SDK: " + lane.feature.displayName() + " cannot be sent (not configured); items dropped");
            return null;
        }
        return new Delivery(lane, assembler.apply(items), items.size());
    }
}
