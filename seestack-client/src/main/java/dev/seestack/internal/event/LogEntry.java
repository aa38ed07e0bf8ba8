package dev.seestack.internal.event;

import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.util.LinkedHashMap;
import java.util.Map;

/** One log as the backend receives it: level, message, service, traceId and sanitized metadata. */
public final class LogEntry extends MetadataPayload {
    /** Messages longer than this are cut (and marked) before sending. */
    public static final int MAX_MESSAGE_CHARS = 32_768;

    private final Severity level;
    private final String message;
    private final String service;
    private final String traceId;
    private final long capturedAtMs;

    /** {@code metadata} must already be a sanitized snapshot (see {@link MetadataSanitizer}); captured now. */
    public LogEntry(Severity level, String message, String service, String traceId, Map<String, Object> metadata) {
        this(level, message, service, traceId, MetadataSnapshot.of(metadata), System.currentTimeMillis());
    }

    /**
     * A log whose metadata is assembled later from {@code snapshot} (adapters); {@code capturedAtMs} is the
     * framework event's own time (epoch ms), sent as {@code metadata.timestamp} so capture order is recoverable.
     */
    public LogEntry(Severity level, String message, String service, String traceId, MetadataSnapshot snapshot,
            long capturedAtMs) {
        super(snapshot);
        this.capturedAtMs = capturedAtMs;
        this.level = level;
        this.message = MetadataSanitizer.truncate(message, MAX_MESSAGE_CHARS);
        this.service = service;
        this.traceId = traceId;
    }

    @Override
    public Feature feature() {
        return Feature.LOGS;
    }

    public Severity level() {
        return level;
    }

    public String message() {
        return message;
    }

    public String service() {
        return service;
    }

    public String traceId() {
        return traceId;
    }

    /** When the log was captured (epoch ms). */
    public long capturedAtMs() {
        return capturedAtMs;
    }

    /** Adds {@code timestamp} (capture time, ISO-8601 UTC ms) unless the caller's metadata has its own. */
    @Override
    Map<String, Object> withDefaults(Map<String, Object> metadata) {
        if (metadata != null && metadata.containsKey("timestamp")) {
            return metadata;
        }
        Map<String, Object> withTime = new LinkedHashMap<>();
        if (metadata != null) {
            withTime.putAll(metadata);
        }
        withTime.put("timestamp", Timestamps.isoMillis(capturedAtMs));
        return withTime;
    }

    /** Its object and message; service and trace id are strings shared with the configuration or the MDC. */
    @Override
    int ownRetainedBytes() {
        return HeapEstimate.OBJECT_BYTES + HeapEstimate.of(message);
    }

    @Override
    boolean masksSql() {
        return false;
    }

    @Override
    void writeFields(JsonWriter out, SensitiveDataMasker masker) {
        out.beginObject()
                .name("level").value(level.wireName())
                .name("message").value(masker.maskText(message))
                .optional("service", service)
                .optional("traceId", traceId);
    }
}
