package dev.seestack.internal.delivery;

import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.diag.DropWarnings;

/** Counts the fate of one answered request in its lane's counters, and warns where the answer calls for it. */
final class OutcomeAccounting {
    private final PipelineControl control;
    private final SpoolHooks spool;
    private final StopAccounting stop;
    private final Diagnostics diagnostics;
    private final DropWarnings drops;

    OutcomeAccounting(PipelineControl control, SpoolHooks spool, StopAccounting stop, Diagnostics diagnostics,
            DropWarnings drops) {
        this.drops = drops;
        this.control = control;
        this.spool = spool;
        this.stop = stop;
        this.diagnostics = diagnostics;
    }

    /** Counts {@code d} by {@code decision}; returns true when it is to be retried instead (counted later). */
    boolean count(Delivery d, RetryDecision decision) {
        FeatureCounters c = d.lane.counters;
        switch (decision.kind()) {
            case DELIVERED:
                c.sent.add(d.itemCount);
                spool.onDelivered();
                return false;
            case RETRY:
                if (control.isClosing()) {
                    // close() gave this request its one last attempt: no further retries back to back
                    spoolOrDropAfterRetries(d);
                    return false;
                }
                return true;
            case EXHAUSTED:
                if (control.isStopped()) {
                    // the stop interrupted this request or closed its transport: dropped by the stop, not the retries
                    stop.countStopDrop(d);
                    return false;
                }
                spoolOrDropAfterRetries(d);
                return false;
            case DISABLE:
                c.rejected.add(d.itemCount);
                return false;
            case FORBIDDEN:
                diagnostics.warnOnce("403", StatusTable.FORBIDDEN.warning());
                countRejected(d);
                return false;
            case NOT_FOUND:
                diagnostics.warnOnce("404-" + d.lane.feature + "-" + describe(d),
                        StatusTable.NOT_FOUND.warning(d.lane.feature.path() + describe(d)));
                countRejected(d);
                return false;
            default:
                diagnostics.debug(() -> StatusTable.MALFORMED.warning());
                countRejected(d);
                return false;
        }
    }

    /** Reports, then counts (a test waiting for the count finds the lines printed): rejected by the backend. */
    private void countRejected(Delivery d) {
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
