package dev.seestack.internal.logging;

import dev.seestack.internal.event.HeapEstimate;
import dev.seestack.internal.event.MetadataSnapshot;
import dev.seestack.internal.json.MetadataSanitizer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata of one framework event, held as the immutable parts read on the logging thread (the MDC map
 * is the framework's own immutable snapshot) and assembled into the wire map on the sender thread:
 * {@code logger}, {@code thread}, {@code userId}, the other MDC entries, key-values, {@code markers},
 * framework extras, then the entries particular to logs or errors.
 */
final class EventMetadata implements MetadataSnapshot {
    private final String logger;
    private final String thread;
    private final String userId;
    private final Map<String, String> mdc;
    private final String[] routedMdcKeys;
    private final Map<String, Object> keyValues;
    private final Object markers;
    private final Map<String, Object> extra;
    /** Keys of the entries appended last (a shared constant per kind of event), and their values (nulls skipped). */
    private final String[] tailKeys;
    private final String tail0;
    private final String tail1;
    private final String tail2;

    /**
     * @param keyValues already sanitized
     * @param extra already sanitized
     * @param tailKeys keys of up to three entries appended last, a shared constant (nothing but this object is
     *     allocated per event for the snapshot, as it stays buffered until sent)
     * @param tail0 value of {@code tailKeys[0]} (null: skipped), and so on
     */
    EventMetadata(String logger, String thread, String userId, Map<String, String> mdc, String[] routedMdcKeys,
            Map<String, Object> keyValues, Object markers, Map<String, Object> extra, String[] tailKeys,
            String tail0, String tail1, String tail2) {
        this.logger = logger;
        this.thread = thread;
        this.userId = userId;
        this.mdc = mdc;
        this.routedMdcKeys = routedMdcKeys;
        this.keyValues = keyValues;
        this.markers = markers;
        this.extra = extra;
        this.tailKeys = tailKeys;
        this.tail0 = tail0;
        this.tail1 = tail1;
        this.tail2 = tail2;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> meta = new LinkedHashMap<>();
        putIfPresent(meta, "logger", logger);
        putIfPresent(meta, "thread", thread);
        putIfPresent(meta, "userId", userId);
        if (mdc != null) {
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                if (entry.getKey() != null && !isRouted(entry.getKey())) {
                    meta.put(entry.getKey(), MetadataSanitizer.truncate(entry.getValue(), MetadataSanitizer.MAX_STRING_CHARS));
                }
            }
        }
        if (keyValues != null) {
            meta.putAll(keyValues);
        }
        if (markers != null) {
            meta.put("markers", markers);
        }
        if (extra != null) {
            meta.putAll(extra);
        }
        String[] tailValues = {tail0, tail1, tail2};
        for (int i = 0; i < tailKeys.length; i++) {
            putIfPresent(meta, tailKeys[i], tailValues[i]);
        }
        return meta;
    }

    /**
     * This object, the MDC copy (counted although a framework may share it between events until the MDC changes),
     * key-values, markers, extras and tail values; logger and thread names are shared by every event of theirs.
     */
    @Override
    public int retainedBytes() {
        return 2 * HeapEstimate.OBJECT_BYTES + HeapEstimate.ofStrings(mdc) + HeapEstimate.ofValue(keyValues)
                + HeapEstimate.ofValue(markers) + HeapEstimate.ofValue(extra) + HeapEstimate.of(tail0)
                + HeapEstimate.of(tail1) + HeapEstimate.of(tail2);
    }

    private boolean isRouted(String key) {
        for (String routed : routedMdcKeys) {
            if (routed.equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static void putIfPresent(Map<String, Object> meta, String key, String value) {
        if (value != null) {
            meta.put(key, MetadataSanitizer.truncate(value, MetadataSanitizer.MAX_STRING_CHARS));
        }
    }

    /**
     * Sanitizes the values of a map the event owns, in place (they are live application objects, so this happens on
     * the logging thread); null values are removed unless {@code keepNulls}. Returns null for an empty map.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> sanitizeInPlace(Map<String, ?> values, boolean keepNulls) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Map<String, Object> owned = (Map<String, Object>) values;
        for (Iterator<Map.Entry<String, Object>> it = owned.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> entry = it.next();
            if (entry.getValue() == null) {
                if (!keepNulls) {
                    it.remove();
                }
            } else {
                entry.setValue(MetadataSanitizer.sanitize(entry.getValue()));
            }
        }
        return owned.isEmpty() ? null : owned;
    }

    static Object sanitizedMarkers(List<String> markers) {
        return markers == null || markers.isEmpty() ? null : MetadataSanitizer.sanitize(markers);
    }
}
