package dev.seestack.internal.delivery;

import dev.seestack.internal.buffer.RingBuffer;
import dev.seestack.internal.diag.ThinnedWarning;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import java.util.function.Consumer;

/** One feature's buffer, counters and release state inside the pipeline. */
final class Lane {
    final Feature feature;
    final RingBuffer<Encodable> buffer;
    final FeatureCounters counters = new FeatureCounters();
    final ThinnedWarning retryDrops = new ThinnedWarning();
    /** Buffer size at which a flush starts without waiting for the timer. */
    final int triggerSize;
    /** Whether workers may take from this lane (always for immediate features); guarded by the pipeline lock. */
    boolean released;
    /**
     * While released and momentarily empty, the nanoTime until which senders wait for more items before
     * un-releasing (0 = not lingering); guarded by the pipeline lock. Keeps a steady stream flowing without
     * making every burst refill the buffer to its trigger.
     */
    long lingerUntil;
    /** Counts or spools what the full buffer evicts; set once by the pipeline before any item is offered. */
    Consumer<Encodable> onEvicted;
    /** Items of this lane in requests being sent; guarded by the pipeline lock. */
    long inFlightItems;

    Lane(Feature feature, int capacity) {
        this.feature = feature;
        this.buffer = new RingBuffer<>(capacity);
        int eightyPercent = Math.max(1, (int) Math.ceil(capacity * 0.8));
        this.triggerSize = feature.isBatched() ? Math.min(eightyPercent, feature.maxBatchItems() / 2) : eightyPercent;
        this.released = feature.isImmediate();
    }
}
