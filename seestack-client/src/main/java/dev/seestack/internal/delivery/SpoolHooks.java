package dev.seestack.internal.delivery;

import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hands what the pipeline would drop (an evicted item, a request whose retries are spent or that a
 * stop left unsent) to the {@link SpoolSink}; encoding is deferred to the spool's thread. Its one mutable field,
 * the sink, is volatile and set by {@link DeliveryPipeline#spoolTo}.
 */
final class SpoolHooks {
    private final PayloadEncoder encoder;
    private final Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers;
    /** {@link SpoolSink#NONE} until a spool is set. */
    private volatile SpoolSink spool = SpoolSink.NONE;

    SpoolHooks(PayloadEncoder encoder, Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers) {
        this.encoder = encoder;
        this.batchAssemblers = batchAssemblers;
    }

    void spoolTo(SpoolSink sink) {
        this.spool = sink;
    }

    /** Spools an item evicted from a full buffer (or left at stop); false when not taken. */
    boolean spoolEvicted(Lane lane, Encodable item) {
        Function<List<Encodable>, Encodable> assembler = batchAssemblers.get(lane.feature);
        if (lane.feature.isBatched() && assembler == null) {
            return false;
        }
        return spool.offer(lane.feature, 1,
                () -> encoder.encode(lane.feature.isBatched() ? assembler.apply(List.of(item)) : item));
    }

    /** Spools a request whose retries are spent or that a stop left unsent; false when not taken. */
    boolean spoolDelivery(Delivery d) {
        byte[] body = d.body;
        return spool.offer(d.lane.feature, d.itemCount, () -> body != null ? body : encoder.encode(d.payload));
    }

    /** Tells the spool a request was answered 2xx, so what it holds may be resent. */
    void onDelivered() {
        spool.onDelivered();
    }
}
