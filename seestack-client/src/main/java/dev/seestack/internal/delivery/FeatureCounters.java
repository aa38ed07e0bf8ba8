package dev.seestack.internal.delivery;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running counts for one feature; captured = sent + unconfirmed + every drop + spooled + still pending. Lock-free
 * adders: the pipeline counts captures, {@code FateLedger} every fate, the capture path its local drops.
 */
public final class FeatureCounters {
    final LongAdder captured = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder droppedBufferFull = new LongAdder();
    final LongAdder droppedAfterRetries = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder droppedDisabled = new LongAdder();
    /** Handed to the disk spool instead of being dropped. */
    final LongAdder spooled = new LongAdder();
    /** Given up on after retries whose last attempt was sent but never answered: the backend may hold them. */
    final LongAdder unconfirmed = new LongAdder();
    /** Items sent again after an attempt that was sent but never answered (not in the identity: attempts). */
    final LongAdder resentUnconfirmed = new LongAdder();

    /** Dropped by a {@code beforeSend} hook, refused by the per-group rate limit, of an ignored type. */
    final LongAdder droppedByHook = new LongAdder();
    final LongAdder droppedRateLimited = new LongAdder();
    final LongAdder droppedIgnored = new LongAdder();

    public long captured() {
        return captured.sum();
    }

    public long sent() {
        return sent.sum();
    }

    public long droppedBufferFull() {
        return droppedBufferFull.sum();
    }

    public long droppedAfterRetries() {
        return droppedAfterRetries.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long droppedDisabled() {
        return droppedDisabled.sum();
    }

    public long spooled() {
        return spooled.sum();
    }

    public long unconfirmed() {
        return unconfirmed.sum();
    }

    public long resentUnconfirmed() {
        return resentUnconfirmed.sum();
    }

    /** Items captured and not yet counted in any fate: buffered, in flight or waiting for a retry. */
    public long pending() {
        // the fates before "captured", so a concurrent capture never yields a negative count
        long fates = sent() + unconfirmed() + droppedBufferFull() + droppedAfterRetries() + rejected()
                + droppedDisabled() + spooled() + droppedByHook() + droppedRateLimited() + droppedIgnored();
        return captured() - fates;
    }

    /** Counts one item captured and rejected locally (e.g. a blank message). */
    public void recordLocalRejection() {
        captured.increment();
        rejected.increment();
    }

    public long droppedByHook() {
        return droppedByHook.sum();
    }

    public long droppedRateLimited() {
        return droppedRateLimited.sum();
    }

    public long droppedIgnored() {
        return droppedIgnored.sum();
    }

    /** Counts one item captured and dropped by its {@code beforeSend} hook. */
    public void recordHookDrop() {
        captured.increment();
        droppedByHook.increment();
    }

    /** Counts one error captured and refused by the per-group rate limit. */
    public void recordRateLimitedDrop() {
        captured.increment();
        droppedRateLimited.increment();
    }

    /** Counts one error captured and not sent because its type is ignored. */
    public void recordIgnoredDrop() {
        captured.increment();
        droppedIgnored.increment();
    }

    /** Counts one item captured and refused because a queue before the buffer was full. */
    public void recordBufferFullDrop() {
        captured.increment();
        droppedBufferFull.increment();
    }

    /** Counts one item captured while the SDK was disabled or closed, and dropped for that reason. */
    public void recordDisabledDrop() {
        captured.increment();
        droppedDisabled.increment();
    }
}
