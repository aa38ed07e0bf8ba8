package dev.seestack.internal;

import dev.seestack.ClientStats;
import dev.seestack.FeatureStats;
import dev.seestack.internal.delivery.DeliveryPipeline;
import dev.seestack.internal.delivery.FeatureCounters;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.spool.DiskSpool;
import dev.seestack.internal.spool.SpoolCounters;

/**
 * The one place a client's {@link ClientStats} are assembled from the pipeline's and the spool's counters, and
 * the debug stats line printed when they changed.
 */
final class StatsReader {
    /** Null when the client never started: every count is then 0. */
    private final DeliveryPipeline pipeline;
    /** The disk spool, or null when {@code spoolDir} is unset. */
    private final DiskSpool spool;
    private final Diagnostics diagnostics;
    private String lastPrintedStats;

    StatsReader(DeliveryPipeline pipeline, DiskSpool spool, Diagnostics diagnostics) {
        this.pipeline = pipeline;
        this.spool = spool;
        this.diagnostics = diagnostics;
    }

    ClientStats stats() {
        return new ClientStats(stats(Feature.ERRORS), stats(Feature.LOGS), stats(Feature.HTTP_REQUESTS),
                stats(Feature.HEARTBEATS), pipeline == null ? 0 : pipeline.resends());
    }

    /** Captures of every feature so far (the exit drain waits until it stops growing). */
    long totalCaptured() {
        ClientStats s = stats();
        return s.errors().captured() + s.logs().captured() + s.httpRequests().captured() + s.heartbeats().captured();
    }

    private FeatureStats stats(Feature feature) {
        if (pipeline == null) {
            return new FeatureStats(0, 0, 0, 0, 0, 0);
        }
        FeatureCounters c = pipeline.counters(feature);
        // read "sent" and drops before "captured" so a concurrent capture never yields a negative pending
        long sent = c.sent();
        long full = c.droppedBufferFull();
        long retries = c.droppedAfterRetries();
        long rejected = c.rejected();
        long disabled = c.droppedDisabled();
        long spooled = c.spooled();
        long byHook = c.droppedByHook();
        long rateLimited = c.droppedRateLimited();
        long ignored = c.droppedIgnored();
        long unconfirmed = c.unconfirmed();
        long resentUnconfirmed = c.resentUnconfirmed();
        if (spool == null) {
            return new FeatureStats(c.captured(), sent, full, retries, rejected, disabled, 0, 0, 0, 0, byHook,
                    rateLimited, ignored, unconfirmed, resentUnconfirmed);
        }
        SpoolCounters s = spool.counters();
        return new FeatureStats(c.captured(), sent, full, retries, rejected, disabled, spooled,
                s.resentFromSpool(feature), s.rejectedFromSpool(feature), s.droppedSpoolFull(feature), byHook,
                rateLimited, ignored, unconfirmed, resentUnconfirmed);
    }

    /** The debug line, printed on the flush interval only when the stats (or the spool backlog) changed. */
    void printWhenChanged() {
        String current = stats().toString() + SpoolWiring.backlog(spool);
        if (!current.equals(lastPrintedStats)) {
            lastPrintedStats = current;
            diagnostics.debug(() -> "SeeStack SDK stats: " + current);
        }
    }
}
