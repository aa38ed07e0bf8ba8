package dev.seestack.internal.event;

import java.util.Map;

/**
 * Metadata captured on the application's thread as immutable parts and assembled into its map only on the
 * sender thread, which keeps map building off the logging call.
 */
public interface MetadataSnapshot {
    /** The sanitized metadata map; called once, on a sender thread. */
    Map<String, Object> toMap();

    /** An estimate of the heap this snapshot retains beyond what other events share ({@link HeapEstimate}). */
    default int retainedBytes() {
        return HeapEstimate.OBJECT_BYTES;
    }

    /** A snapshot of an already sanitized map (null stays null). */
    static MetadataSnapshot of(Map<String, Object> metadata) {
        if (metadata == null) {
            return null;
        }
        return new MetadataSnapshot() {
            @Override
            public Map<String, Object> toMap() {
                return metadata;
            }

            @Override
            public int retainedBytes() {
                return HeapEstimate.OBJECT_BYTES + HeapEstimate.ofValue(metadata);
            }
        };
    }
}
