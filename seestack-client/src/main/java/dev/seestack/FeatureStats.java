package dev.seestack;

/**
 * A snapshot of one feature's counters. Every captured item is accounted for:
 * {@code captured = sent + unconfirmed + droppedBufferFull + droppedAfterRetries + rejected + droppedDisabled
 * + spooled + droppedByHook + droppedRateLimited + droppedIgnored + pending}.
 * With a disk spool, what left the process's memory for the disk is followed by {@code resentFromSpool},
 * {@code rejectedFromSpool} and {@code droppedSpoolFull}; those also count items an earlier process spooled.
 */
public final class FeatureStats {
    private final long captured;
    private final long sent;
    private final long droppedBufferFull;
    private final long droppedAfterRetries;
    private final long rejected;
    private final long droppedDisabled;
    private final long spooled;
    private final long resentFromSpool;
    private final long rejectedFromSpool;
    private final long droppedSpoolFull;
    private final long droppedByHook;
    private final long droppedRateLimited;
    private final long droppedIgnored;
    private final long unconfirmed;
    private final long resentUnconfirmed;

    public FeatureStats(long captured, long sent, long droppedBufferFull, long droppedAfterRetries, long rejected,
            long droppedDisabled) {
        this(captured, sent, droppedBufferFull, droppedAfterRetries, rejected, droppedDisabled, 0, 0, 0, 0);
    }

    /** With the disk spool's counters (all 0 when {@code spoolDir} is unset). */
    public FeatureStats(long captured, long sent, long droppedBufferFull, long droppedAfterRetries, long rejected,
            long droppedDisabled, long spooled, long resentFromSpool, long rejectedFromSpool, long droppedSpoolFull) {
        this(captured, sent, droppedBufferFull, droppedAfterRetries, rejected, droppedDisabled, spooled,
                resentFromSpool, rejectedFromSpool, droppedSpoolFull, 0, 0, 0, 0, 0);
    }

    /**
     * Every counter: also what the client screens out before buffering (hooks, rate limit, ignored types) and the
     * requests sent whose answer never came, see {@link #unconfirmed()}.
     */
    public FeatureStats(long captured, long sent, long droppedBufferFull, long droppedAfterRetries, long rejected,
            long droppedDisabled, long spooled, long resentFromSpool, long rejectedFromSpool, long droppedSpoolFull,
            long droppedByHook, long droppedRateLimited, long droppedIgnored, long unconfirmed,
            long resentUnconfirmed) {
        this.droppedByHook = droppedByHook;
        this.droppedRateLimited = droppedRateLimited;
        this.droppedIgnored = droppedIgnored;
        this.unconfirmed = unconfirmed;
        this.resentUnconfirmed = resentUnconfirmed;
        this.spooled = spooled;
        this.resentFromSpool = resentFromSpool;
        this.rejectedFromSpool = rejectedFromSpool;
        this.droppedSpoolFull = droppedSpoolFull;
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

    /** Items written to the disk spool instead of being dropped (retry budget spent, buffer full, closing). */
    public long spooled() {
        return spooled;
    }

    /** Items resent from the disk spool and accepted (2xx), including items an earlier process spooled. */
    public long resentFromSpool() {
        return resentFromSpool;
    }

    /** Items resent from the disk spool and refused for good (400/403/404/422). */
    public long rejectedFromSpool() {
        return rejectedFromSpool;
    }

    /** Spooled items lost: the oldest segment evicted when the spool was full, or a disk error. */
    public long droppedSpoolFull() {
        return droppedSpoolFull;
    }

    /** Items a {@code beforeSend} hook dropped (returned null for). */
    public long droppedByHook() {
        return droppedByHook;
    }

    /** Errors refused by {@code maxErrorsPerGroupPerMinute}. */
    public long droppedRateLimited() {
        return droppedRateLimited;
    }

    /** Errors not sent because their type is in {@code ignoredExceptions} (their log line still is). */
    public long droppedIgnored() {
        return droppedIgnored;
    }

    /**
     * Items given up on after their retries whose last attempt was sent in full but never answered (the connection
     * closed after the body, or the 5 s deadline passed): the backend may have stored them. Not in
     * {@link #droppedAfterRetries()}.
     */
    public long unconfirmed() {
        return unconfirmed;
    }

    /**
     * Items sent again (a retry) after an attempt that was sent in full but never answered: the backend may hold a
     * copy of each from that attempt as well. Counts attempts, so it is not part of the identity above.
     */
    public long resentUnconfirmed() {
        return resentUnconfirmed;
    }

    /** Items still buffered, in flight or waiting for a retry. */
    public long pending() {
        return captured - sent - unconfirmed - droppedBufferFull - droppedAfterRetries - rejected - droppedDisabled
                - spooled - droppedByHook - droppedRateLimited - droppedIgnored;
    }

    @Override
    public String toString() {
        return "{captured=" + captured + ", sent=" + sent + ", droppedBufferFull=" + droppedBufferFull
                + ", droppedAfterRetries=" + droppedAfterRetries + ", rejected=" + rejected
                + ", droppedDisabled=" + droppedDisabled + ", pending=" + pending()
                + (unconfirmed == 0 && resentUnconfirmed == 0 ? ""
                        : ", unconfirmed=" + unconfirmed + ", resentUnconfirmed=" + resentUnconfirmed)
                + (spooled == 0 && resentFromSpool == 0 && rejectedFromSpool == 0 && droppedSpoolFull == 0 ? ""
                        : ", spooled=" + spooled + ", resentFromSpool=" + resentFromSpool + ", rejectedFromSpool="
                                + rejectedFromSpool + ", droppedSpoolFull=" + droppedSpoolFull)
                + (droppedByHook == 0 && droppedRateLimited == 0 && droppedIgnored == 0 ? ""
                        : ", droppedByHook=" + droppedByHook + ", droppedRateLimited=" + droppedRateLimited
                                + ", droppedIgnored=" + droppedIgnored) + "}";
    }
}
