package dev.seestack.internal.delivery;

import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.diag.DropWarnings;
import dev.seestack.internal.event.Encodable;

/**
 * Counts the fate of every item that leaves the pipeline (delivered, rejected, spent, evicted, left by a stop) in
 * its lane's {@link FeatureCounters}, by the {@link Outcome} table, and says the row's warning. It holds no state
 * of its own beyond the counters and the drop reports, takes no lock, and may run on any thread.
 */
final class FateLedger {
    private final SpoolHooks spool;
    private final Diagnostics diagnostics;
    private final DropWarnings drops;

    FateLedger(SpoolHooks spool, Diagnostics diagnostics, DropWarnings drops) {
        this.spool = spool;
        this.diagnostics = diagnostics;
        this.drops = drops;
    }

    /**
     * Counts the answer of {@code d}; returns true when it is to be retried instead (counted later). A retry while
     * {@code closing} is not given: close gave it its one last attempt. A request the stop cut short while
     * {@code stopped} is a stop drop.
     */
    boolean countAnswer(Delivery d, RetryDecision decision, boolean closing, boolean stopped, boolean disabled) {
        Outcome outcome = decision.outcome();
        if (decision.retried()) {
            if (!closing) {
                return true;
            }
            spoolOrDropAfterRetries(d);
            return false;
        }
        switch (outcome.counter()) {
            case SENT:
                d.lane.counters.sent.add(d.itemCount);
                spool.onDelivered();
                return false;
            case DROPPED_AFTER_RETRIES:
                if (stopped) {
                    // the stop interrupted this request or closed its transport: dropped by the stop, not the retries
                    countStopDrop(d, disabled);
                } else {
                    spoolOrDropAfterRetries(d);
                }
                return false;
            default:
                countRejected(d, outcome);
                return false;
        }
    }

    /** Counts (or spools) an item the full buffer of {@code lane} evicted to make room; on the capturing thread. */
    void countEvicted(Lane lane, Encodable evicted) {
        if (spool.spoolEvicted(lane, evicted)) {
            lane.counters.spooled.increment();
            return;
        }
        lane.counters.droppedBufferFull.increment();
        drops.record(lane.feature.ordinal(), DropWarnings.Cause.BUFFER_FULL, 1);
    }

    /** Counts (or spools) a waiting retry the buffer's budget pushed out, like an evicted item. */
    void countBudgetDrop(Delivery oldest) {
        Lane lane = oldest.lane;
        if (spool.spoolDelivery(oldest)) {
            lane.counters.spooled.add(oldest.itemCount);
        } else {
            lane.counters.droppedBufferFull.add(oldest.itemCount);
            drops.record(lane.feature.ordinal(), DropWarnings.Cause.BUFFER_FULL, oldest.itemCount);
        }
    }

    /** Counts a request a stop left unsent (see {@link #countStopDrop(Lane, int, boolean, boolean)}). */
    void countStopDrop(Delivery d, boolean disabled) {
        countStopDrop(d.lane, d.itemCount, !disabled && spool.spoolDelivery(d), disabled);
    }

    /** Counts a buffered item a stop left unsent (see {@link #countStopDrop(Lane, int, boolean, boolean)}). */
    void countStopDrop(Lane lane, Encodable item, boolean disabled) {
        countStopDrop(lane, 1, !disabled && spool.spoolEvicted(lane, item), disabled);
    }

    /** Prints the drop reports that are due (the timer's tick). */
    void reportDue() {
        drops.reportDue();
    }

    /**
     * The one place a stop's leftovers are counted: spooled when stopped by close (never after a 401), else dropped
     * by the stop, reported unless the 401 already said so.
     */
    private void countStopDrop(Lane lane, int items, boolean spooled, boolean disabled) {
        if (spooled) {
            lane.counters.spooled.add(items);
            return;
        }
        lane.counters.droppedDisabled.add(items);
        if (!disabled) {
            drops.record(lane.feature.ordinal(), DropWarnings.Cause.DEADLINE, items);
        }
    }

    /** Warns as the row says, then counts (a test waiting for the count finds the lines printed). */
    private void countRejected(Delivery d, Outcome outcome) {
        if (outcome == Outcome.UNAUTHORIZED) {
            d.lane.counters.rejected.add(d.itemCount); // the client's disable warns, once
            return;
        }
        if (outcome == Outcome.FORBIDDEN) {
            diagnostics.warnOnce("403", outcome.warning());
        } else if (outcome == Outcome.NOT_FOUND) {
            diagnostics.warnOnce("404-" + d.lane.feature + "-" + describe(d),
                    outcome.warning(d.lane.feature.path() + describe(d)));
        } else {
            diagnostics.debug(() -> Outcome.MALFORMED.warning());
        }
        drops.record(d.lane.feature.ordinal(), DropWarnings.Cause.REJECTED, d.itemCount);
        d.lane.counters.rejected.add(d.itemCount);
    }

    private void spoolOrDropAfterRetries(Delivery d) {
        if (spool.spoolDelivery(d)) {
            d.lane.counters.spooled.add(d.itemCount);
            return;
        }
        if (d.unconfirmed) {
            drops.record(d.lane.feature.ordinal(), DropWarnings.Cause.UNCONFIRMED, d.itemCount);
            d.lane.counters.unconfirmed.add(d.itemCount);
            return;
        }
        drops.record(d.lane.feature.ordinal(), DropWarnings.Cause.RETRIES_SPENT, d.itemCount);
        d.lane.counters.droppedAfterRetries.add(d.itemCount);
    }

    private static String describe(Delivery d) {
        return d.payload instanceof DeliveryPipeline.Describable
                ? " (" + ((DeliveryPipeline.Describable) d.payload).describe() + ")" : "";
    }
}
