package dev.seestack.internal.event;

import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.util.Map;

/** One log as the backend receives it: level, message, service, traceId and sanitized metadata. */
public final class LogEntry implements Encodable {
    /** Messages longer than this are cut (and marked) before sending. */
    public static final int MAX_MESSAGE_CHARS = 32_768;

    private final Severity level;
    private final String message;
    private final String service;
    private final String traceId;
    private final Map<String, Object> metadata;

    /** {@code metadata} must already be a sanitized snapshot (see {@link MetadataSanitizer}). */
    public LogEntry(Severity level, String message, String service, String traceId, Map<String, Object> metadata) {
        this.level = level;
        this.message = MetadataSanitizer.truncate(message, MAX_MESSAGE_CHARS);
        this.service = service;
        this.traceId = traceId;
        this.metadata = metadata;
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

    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public void writeJson(JsonWriter out, SensitiveDataMasker masker) {
        writeHead(out, masker);
        if (metadata != null && !metadata.isEmpty()) {
            out.name("metadata").tree(masker.maskMetadata(metadata, false));
        }
        out.endObject();
    }

    @Override
    public void writeJsonWithoutMetadata(JsonWriter out, SensitiveDataMasker masker) {
        writeHead(out, masker);
        out.name("metadata").beginObject().name("_truncated").value("metadata exceeded the size bound").endObject();
        out.endObject();
    }

    private void writeHead(JsonWriter out, SensitiveDataMasker masker) {
        out.beginObject()
                .name("level").value(level.wireName())
                .name("message").value(masker.maskText(message))
                .optional("service", service)
                .optional("traceId", traceId);
    }
}
