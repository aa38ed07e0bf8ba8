package dev.seestack.internal.delivery;

import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-feature {@link Lane}s, the order senders take from them, and how a request is made from a lane's buffer
 * (one item, or a batch through the feature's assembler). Its fields are set once in the constructor; it takes no
 * lock (the ring buffers are thread-safe), and when senders may take from a lane is {@link PipelineControl}'s.
 */
final class Lanes {
    private final Map<Feature, Lane> lanes = new EnumMap<>(Feature.class);
    /** Errors and heartbeats first: they are rare and sent immediately; logs last. */
    private final Lane[] takeOrder;
    private final Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers;
    private final Diagnostics diagnostics;

    Lanes(int bufferSize, long bufferBytes, Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers, Diagnostics diagnostics,
            FateLedger ledger) {
        this.batchAssemblers = batchAssemblers;
        this.diagnostics = diagnostics;
        for (Feature f : Feature.values()) {
            Lane lane = new Lane(f, bufferSize, bufferBytes);
            lane.onEvicted = evicted -> ledger.countEvicted(lane, evicted); // one sink per lane: nothing per item
            lanes.put(f, lane);
        }
        takeOrder = new Lane[] {lanes.get(Feature.ERRORS), lanes.get(Feature.HEARTBEATS),
            lanes.get(Feature.HTTP_REQUESTS), lanes.get(Feature.LOGS)};
    }

    Lane get(Feature feature) {
        return lanes.get(feature);
    }

    /** Every lane, in the order senders take from them. */
    Lane[] inTakeOrder() {
        return takeOrder;
    }

    /** The next request from {@code lane}'s buffer, or null when it is empty (or its items cannot be sent). */
    Delivery nextRequest(Lane lane) {
        return lane.feature.isBatched() ? nextBatch(lane) : nextSingle(lane);
    }

    private Delivery nextSingle(Lane lane) {
        Encodable item = lane.buffer.poll();
        return item == null ? null : new Delivery(lane, item, 1, item.retainedBytes());
    }

    private Delivery nextBatch(Lane lane) {
        List<Encodable> items = new ArrayList<>(Math.min(lane.buffer.size(), lane.feature.maxBatchItems()));
        if (lane.buffer.drainTo(items, lane.feature.maxBatchItems()) == 0) {
            return null;
        }
        Function<List<Encodable>, Encodable> assembler = batchAssemblers.get(lane.feature);
        if (assembler == null) {
            lane.counters.rejected.add(items.size());
            diagnostics.warnOnce("no-assembler-" + lane.feature,
                    "SeeStack SDK: " + lane.feature.displayName() + " cannot be sent (not configured); items dropped");
            return null;
        }
        long bytes = 0;
        for (Encodable item : items) {
            bytes += item.retainedBytes();
        }
        return new Delivery(lane, assembler.apply(items), items.size(), bytes);
    }
}
