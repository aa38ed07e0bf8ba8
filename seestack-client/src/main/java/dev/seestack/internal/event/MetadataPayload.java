package dev.seestack.internal.event;

import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.util.Map;

/** A request body made of its own fields followed by a masked {@code metadata} object. */
abstract class MetadataPayload implements Encodable {
    private Map<String, Object> metadata;
    private MetadataSnapshot snapshot;
    /** Its {@link #retainedBytes} once estimated (0 before): on the capturing thread, before it is buffered. */
    private int retainedBytes;

    MetadataPayload(MetadataSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The sanitized metadata (assembled from its snapshot on first use, on the sender thread). */
    public final synchronized Map<String, Object> metadata() {
        if (metadata == null && snapshot != null) {
            metadata = snapshot.toMap();
            snapshot = null;
        }
        return metadata;
    }

    /** Wraps the metadata snapshot (adding entries) before the payload is enqueued; on the capturing thread. */
    public final synchronized void wrapSnapshot(java.util.function.UnaryOperator<MetadataSnapshot> wrapper) {
        snapshot = wrapper.apply(snapshot);
    }

    /** Replaces the metadata (a {@code beforeSend} hook's result), on an SDK thread. */
    public final synchronized void replaceMetadata(Map<String, Object> replacement) {
        metadata = replacement;
        snapshot = null;
    }

    /**
     * The estimate of the heap this payload retains, taken on first call (on the capturing thread, after its snapshot
     * was wrapped, before it is buffered) and kept, so the buffer takes off the same weight it added.
     */
    @Override
    public final int retainedBytes() {
        int bytes = retainedBytes;
        if (bytes == 0) {
            MetadataSnapshot s = snapshot;
            Map<String, Object> m = metadata;
            bytes = ownRetainedBytes() + (s != null ? s.retainedBytes() : HeapEstimate.ofValue(m));
            retainedBytes = bytes;
        }
        return bytes;
    }

    /** The estimated heap of the payload's own fields (its object, message, throwable), without its metadata. */
    abstract int ownRetainedBytes();

    /** The metadata to send: {@code metadata} plus entries the payload adds when absent (may be null). */
    Map<String, Object> withDefaults(Map<String, Object> metadata) {
        return metadata;
    }

    /** Opens the object and writes every field but {@code metadata}. */
    abstract void writeFields(JsonWriter out, SensitiveDataMasker masker);

    /** Whether metadata strings also get the SQL-literal rule (errors do, logs don't). */
    abstract boolean masksSql();

    @Override
    public final void writeJson(JsonWriter out, SensitiveDataMasker masker) {
        writeFields(out, masker);
        Map<String, Object> meta = withDefaults(metadata());
        if (meta != null && !meta.isEmpty()) {
            out.name("metadata").tree(masker.maskMetadata(meta, masksSql()));
        }
        out.endObject();
    }

    @Override
    public final void writeJsonWithoutMetadata(JsonWriter out, SensitiveDataMasker masker) {
        writeFields(out, masker);
        out.name("metadata").beginObject().name("_truncated").value("metadata exceeded the size bound").endObject();
        out.endObject();
    }
}
