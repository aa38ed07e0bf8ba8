package dev.seestack;

/**
 * A snapshot of one feature's counters. Every captured item is accounted for:
 * {@code captured = sent + droppedBufferFull + droppedAfterRetries + rejected + droppedDisabled + pending}.
 */
public final class FeatureStats {
    private final long captured;
    private final long sent;
    private final long droppedBufferFull;
    private final long droppedAfterRetries;
    private final long rejected;
    private final long droppedDisabled;

    public FeatureStats(long captured, long sent, long droppedBufferFull, long droppedAfterRetries, long rejected,
            long droppedDisabled) {
        this.captured = captured;
        this.sent = sent;
        this.droppedBufferFull = droppedBufferFull;
        this.droppedAfterRetries = droppedAfterRetries;
        this.rejected = rejected;
        this.droppedDisabled = droppedDisabled;
    }

    /** Items handed to the SDK (including ones rejected locally). */
    public long captured() {
        return captured;
    }

    /** Items the backend accepted (2xx). */
    public long sent() {
        return sent;
    }

    /** Oldest items evicted because the buffer was full. */
    public long droppedBufferFull() {
        return droppedBufferFull;
    }

    /** Items given up on after the retry budget (5xx, network failures, repeated 429). */
    public long droppedAfterRetries() {
        return droppedAfterRetries;
    }

    /** Items refused by the backend (400/401/403/404/422) or locally (blank message, invalid input). */
    public long rejected() {
        return rejected;
    }

    /** Items discarded because the SDK was disabled or closed. */
    public long droppedDisabled() {
        return droppedDisabled;
    }

    /** Items still buffered, in flight or waiting for a retry. */
    public long pending() {
        return captured - sent - droppedBufferFull - droppedAfterRetries - rejected - droppedDisabled;
    }

    @Override
    public String toString() {
        return "{captured=" + captured + ", sent=" + sent + ", droppedBufferFull=" + droppedBufferFull
                + ", droppedAfterRetries=" + droppedAfterRetries + ", rejected=" + rejected
                + ", droppedDisabled=" + droppedDisabled + ", pending=" + pending() + "}";
    }
}
