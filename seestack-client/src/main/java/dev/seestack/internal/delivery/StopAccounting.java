package dev.seestack.internal.delivery;

import dev.seestack.internal.diag.DropWarnings;
import dev.seestack.internal.event.Encodable;
import java.util.Set;

/**
 * Counts what a stop leaves behind, so nothing stays pending: buffered items, queued retries and unanswered
 * requests are spooled when stopped by close, and counted as dropped by the stop after a 401.
 */
final class StopAccounting {
    private final PipelineControl control;
    private final Lanes lanes;
    private final SpoolHooks spool;
    /** Requests on the network; whoever removes one (its completion, or the stop) accounts for it. */
    private final Set<Delivery> inFlight;
    private final DropWarnings drops;

    StopAccounting(PipelineControl control, Lanes lanes, SpoolHooks spool, Set<Delivery> inFlight,
            DropWarnings drops) {
        this.drops = drops;
        this.control = control;
        this.lanes = lanes;
        this.spool = spool;
        this.inFlight = inFlight;
    }

    /** Counts a request the stop left unsent: spooled when stopped by close (never after a 401), else dropped. */
    void countStopDrop(Delivery d) {
        if (control.isDisabled()) {
            d.lane.counters.droppedDisabled.add(d.itemCount); // the 401 said so, once
        } else if (spool.spoolDelivery(d)) {
            d.lane.counters.spooled.add(d.itemCount);
        } else {
            d.lane.counters.droppedDisabled.add(d.itemCount);
            drops.record(d.lane.feature.ordinal(), DropWarnings.Cause.DEADLINE, d.itemCount);
        }
    }

    /**
     * Accounts for every request still unanswered like the other leftovers of a stop (spooled after a close when
     * the spool is on, else dropped by the stop); its late completion is then ignored.
     */
    void abandonInFlight() {
        for (Delivery d : inFlight.toArray(new Delivery[0])) {
            if (inFlight.remove(d)) {
                countStopDrop(d);
                control.lock.lock();
                try {
                    d.lane.inFlightItems -= d.itemCount;
                } finally {
                    control.lock.unlock();
                }
            }
        }
    }

    /** Counts everything still buffered or queued for a retry as dropped by the stop; called once stopped. */
    void dropRemaining(RetryQueue retries) {
        control.lock.lock();
        try {
            for (Lane lane : lanes.inTakeOrder()) {
                Encodable item;
                while ((item = lane.buffer.poll()) != null) {
                    if (control.isDisabled()) {
                        lane.counters.droppedDisabled.increment();
                    } else if (spool.spoolEvicted(lane, item)) {
                        lane.counters.spooled.increment();
                    } else {
                        lane.counters.droppedDisabled.increment();
                        drops.record(lane.feature.ordinal(), DropWarnings.Cause.DEADLINE, 1);
                    }
                }
            }
            retries.dropQueued();
        } finally {
            control.lock.unlock();
        }
    }
}
