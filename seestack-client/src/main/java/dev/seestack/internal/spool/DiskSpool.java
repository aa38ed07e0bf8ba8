package dev.seestack.internal.spool;

import dev.seestack.internal.delivery.Scheduler;
import dev.seestack.internal.delivery.SpoolSink;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The opt-in disk spool ({@code spoolDir}): requests the delivery engine could not deliver are appended to
 * segment files in the background and resent, oldest first, once the backend accepts requests again or at the
 * next start. Bounded by {@code spoolMaxBytes}: when full, the oldest segment is evicted and its items counted.
 */
public final class DiskSpool implements SpoolSink {
    /** Default cap of the spool directory's segments of one process: 50 MB. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    /** How long {@link #close()} waits for queued writes. */
    static final long CLOSE_WRITE_MS = 2000;

    private final SpoolCounters counters = new SpoolCounters();
    private final SpoolLedger ledger;
    private final SpoolWriter writer;
    private final SpoolResender resender;

    private DiskSpool(Path dir, long maxBytes, Scheduler scheduler, Diagnostics diagnostics, ResendChannel channel) {
        this.ledger = new SpoolLedger(maxBytes, counters, message -> diagnostics.warnOnce("spool-io",
                "SeeStack SDK: spool: " + message));
        SpoolResender[] resenderRef = new SpoolResender[1];
        this.writer = new SpoolWriter(dir, maxBytes, ledger, counters, diagnostics, () -> resenderRef[0].onWritten());
        this.resender = new SpoolResender(ledger, channel, scheduler, diagnostics, writer);
        resenderRef[0] = resender;
    }

    /**
     * Starts the spool's two threads; the directory is opened (created owner-only when missing, locked for this
     * process) on the writer thread, so this never blocks or fails the caller.
     */
    public static DiskSpool start(Path dir, long maxBytes, Scheduler scheduler, Diagnostics diagnostics,
            ResendChannel channel) {
        DiskSpool spool = new DiskSpool(dir, maxBytes, scheduler, diagnostics, channel);
        spool.writer.start();
        spool.resender.start();
        return spool;
    }

    @Override
    public boolean offer(Feature feature, int itemCount, Supplier<byte[]> body) {
        return writer.offer(feature, itemCount, body);
    }

    /** Whether the resender has nothing to resend and waits for a write; for tests of what wakes it. */
    boolean resenderIdle() {
        return resender.isIdle();
    }

    @Override
    public void onDelivered() {
        resender.onBackendAccepted();
    }

    /** Resent / rejected-on-resend / dropped counts per feature. */
    public SpoolCounters counters() {
        return counters;
    }

    /** Items of {@code feature} on disk not answered yet (this process's and adopted ones). */
    public long backlog(Feature feature) {
        return ledger.backlog(feature);
    }

    /** Stops resending (the client is closing or disabled); writes are still accepted until {@link #close()}. */
    public void stopResending() {
        resender.stop();
    }

    /** Stops resending, writes what is queued, syncs and closes the segments and releases the directory. */
    public void close() {
        resender.stopAndJoin(1000);
        writer.close(CLOSE_WRITE_MS);
    }
}
