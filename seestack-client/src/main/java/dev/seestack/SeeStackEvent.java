package dev.seestack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link BeforeSend} hook sees of an event about to be sent: its kind, its own fields (read-only: for
 * errors {@code exceptionClass}, {@code message}, {@code level}; for logs {@code level}, {@code message},
 * {@code service}, {@code traceId}; for HTTP items {@code direction}, {@code method}, {@code host}, {@code path},
 * {@code statusCode}, {@code durationMs}, {@code traceId}) and its {@code metadata}, which the hook may change.
 */
public final class SeeStackEvent {
    /** Which ingest endpoint the event goes to. */
    public enum Kind { ERROR, LOG, HTTP_REQUEST }

    private final Kind kind;
    private final Map<String, Object> fields;
    private final Map<String, Object> metadata;

    /** An event view; the SDK builds these, tests of a hook may too. {@code metadata} is copied. */
    public SeeStackEvent(Kind kind, Map<String, Object> fields, Map<String, Object> metadata) {
        this.kind = kind;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
    }

    public Kind kind() {
        return kind;
    }

    /** The event's own fields as sent (read-only). */
    public Map<String, Object> fields() {
        return fields;
    }

    /** The event's metadata (masked later, when the body is written); change it in place. Always empty for HTTP items. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "SeeStackEvent{" + kind + ", fields=" + fields + ", metadata=" + metadata.keySet() + "}";
    }
}
