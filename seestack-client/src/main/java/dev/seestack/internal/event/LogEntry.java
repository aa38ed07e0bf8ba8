package dev.seestack.internal.event;

import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.util.Map;

/** One log as the backend receives it: level, message, service, traceId and sanitized metadata. */
public final class LogEntry extends MetadataPayload {
    /** Messages longer than this are cut (and marked) before sending. */
    public static final int MAX_MESSAGE_CHARS = 32_768;

    private final Severity level;
    private final String message;
    private final String service;
    private final String traceId;

    /** {@code metadata} must already be a sanitized snapshot (see {@link MetadataSanitizer}). */
    public LogEntry(Severity level, String message, String service, String traceId, Map<String, Object> metadata) {
        this(level, message, service, traceId, MetadataSnapshot.of(metadata));
    }

    /** A log whose metadata is assembled later from {@code snapshot} (adapters). */
    public LogEntry(Severity level, String message, String service, String traceId, MetadataSnapshot snapshot) {
        super(snapshot);
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
