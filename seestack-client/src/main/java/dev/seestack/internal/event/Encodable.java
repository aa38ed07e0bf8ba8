package dev.seestack.internal.event;

import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;

/** A captured item that knows its feature and how to write its (masked) request body. */
public interface Encodable {
    /** Which endpoint and buffer this item belongs to. */
    Feature feature();

    /** Writes the JSON body of this item, applying the masking rules. */
    void writeJson(JsonWriter out, SensitiveDataMasker masker);

    /**
     * An estimate of the heap this item retains while buffered ({@link HeapEstimate}), which bounds the buffers in
     * bytes; the same value on every call (computed on the capturing thread, then kept).
     */
    default int retainedBytes() {
        return HeapEstimate.OBJECT_BYTES;
    }

    /** The same body with metadata left out, used when the full body exceeds the size bound. */
    default void writeJsonWithoutMetadata(JsonWriter out, SensitiveDataMasker masker) {
        writeJson(out, masker);
    }
}
