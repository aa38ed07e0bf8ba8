package dev.seestack.internal.delivery;

import dev.seestack.internal.buffer.RingBuffer;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One feature's buffer, counters and release state inside the pipeline. Its mutable fields are changed only by
 * {@link PipelineControl}: {@code released}, {@code lingerUntil} and {@code inFlightItems} under its lock,
 * {@code retrying}, {@code retryItems} and {@code retryBytes} lock-free (see there); the counters by {@link FateLedger} and the pipeline.
 */
final class Lane {
    final Feature feature;
    final RingBuffer<Encodable> buffer;
    final FeatureCounters counters = new FeatureCounters();
    /**
     * Items buffered at which senders start without waiting for the timer: 80 % of the buffer, at most
     * {@link #STREAM_TRIGGER} for a lane of one item per request (waiting for more only delays and bunches them:
     * at 1 000 logs/s a 500-item buffer would send in bursts of 400), at most half a batch for batched lanes.
     */
    final int triggerSize;
    static final int STREAM_TRIGGER = 50;
    /** Whether senders may take from this lane (always for immediate features); under the control's lock. */
    boolean released;
    /**
     * While released and momentarily empty, the nanoTime until which senders wait for more items before
     * un-releasing (0 = not lingering); under the control's lock. Keeps a steady stream flowing without
     * making every burst refill the buffer to its trigger.
     */
    long lingerUntil;
    /** Counts or spools what the full buffer evicts; set once by the pipeline before any item is offered. */
    Consumer<Encodable> onEvicted;
    /** Items of this lane in requests being sent; under the control's lock. */
    long inFlightItems;
    /** Requests of this lane waiting for their retry delay, oldest first (see {@link PipelineControl}). */
    final Queue<Delivery> retrying = new ConcurrentLinkedQueue<>();
    /**
     * Items of this lane waiting for a retry or ready for it: with the buffered ones they stay within the buffer's
     * capacity (its budget), read without the lock on the capturing thread.
     */
    final AtomicLong retryItems = new AtomicLong();
    /** The estimated heap of those items: with the buffered ones within the buffer's {@code maxBytes}. */
    final AtomicLong retryBytes = new AtomicLong();

    Lane(Feature feature, int capacity, long maxBytes) {
        this.feature = feature;
        this.buffer = new RingBuffer<>(capacity, maxBytes, Encodable::retainedBytes);
        int eightyPercent = Math.max(1, (int) Math.ceil(capacity * 0.8));
        this.triggerSize = Math.min(eightyPercent, feature.isBatched() ? feature.maxBatchItems() / 2 : STREAM_TRIGGER);
        this.released = feature.isImmediate();
    }

    /** Counts {@code d} in the retry budget (it waits for a retry or is ready for one). */
    void holdRetry(Delivery d) {
        retryItems.addAndGet(d.itemCount);
        retryBytes.addAndGet(d.bytes);
    }

    /** Takes {@code d} out of the retry budget (sent, dropped or counted by a stop). */
    void releaseRetry(Delivery d) {
        retryItems.addAndGet(-d.itemCount);
        retryBytes.addAndGet(-d.bytes);
    }

    /** Whether the items buffered and waiting for a retry exceed the buffer's capacity or its bytes. */
    boolean overBudget() {
        return buffer.size() + retryItems.get() > buffer.capacity()
                || buffer.bytes() + retryBytes.get() > buffer.maxBytes();
    }
}
