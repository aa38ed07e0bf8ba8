package dev.seestack.internal.http;

import dev.seestack.internal.event.Timestamps;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.time.Instant;
import java.util.Locale;

/**
 * One normalised {@code requests[]} item of {@code POST /ingest/v1/http-requests}, built on the caller's
 * thread from an {@link HttpRequestEvent}: host without scheme, path without query or fragment, integers
 * clamped to 32 bits, a trace id always present. Written into a batch by {@link HttpBatch}.
 */
public final class HttpItem implements Encodable {
    private static final int MAX_TEXT_CHARS = 2048;

    private final String traceId;
    private final String direction;
    private final String method;
    private final String host;
    private final String path;
    private final int statusCode;
    private final int durationMs;
    private final int requestSize;
    private final int responseSize;
    private final String userId;
    private final String errorFingerprint;
    private final String timestamp;

    private HttpItem(HttpRequestEvent e, String method, String host) {
        this.traceId = isBlank(e.traceId()) ? TraceIds.newTraceId() : cut(e.traceId().strip());
        this.direction = e.direction().wireName();
        this.method = method;
        this.host = host;
        this.path = normalisePath(e.path());
        this.statusCode = e.statusCode();
        this.durationMs = clamp(e.durationMs());
        this.requestSize = clamp(e.requestSize());
        this.responseSize = clamp(e.responseSize());
        this.userId = isBlank(e.userId()) ? null : cut(e.userId());
        this.errorFingerprint = isBlank(e.errorFingerprint()) ? null : cut(e.errorFingerprint());
        this.timestamp = Timestamps.isoMillis(e.timestamp() != null ? e.timestamp() : Instant.now());
    }

    /** The item for {@code event}, or null when it lacks a method or host (the protocol requires both). */
    public static HttpItem from(HttpRequestEvent event) {
        if (event == null || isBlank(event.method())) {
            return null;
        }
        String host = normaliseHost(event.host());
        if (host == null) {
            return null;
        }
        return new HttpItem(event, cut(event.method().strip().toUpperCase(Locale.ROOT)), host);
    }

    @Override
    public Feature feature() {
        return Feature.HTTP_REQUESTS;
    }

    public String traceId() {
        return traceId;
    }

    public String path() {
        return path;
    }

    /** Writes this item as a batch element. */
    @Override
    public void writeJson(JsonWriter out, SensitiveDataMasker masker) {
        String maskedPath = masker.maskText(path);
        out.beginObject()
                .name("traceId").value(traceId)
                .name("direction").value(direction)
                .name("method").value(method)
                .name("host").value(host)
                .name("path").value(isBlank(maskedPath) ? "/" : maskedPath)
                .name("statusCode").value(statusCode)
                .name("durationMs").value(durationMs)
                .name("requestSize").value(requestSize)
                .name("responseSize").value(responseSize)
                .optional("userId", userId)
                .optional("errorFingerprint", errorFingerprint)
                .name("timestamp").value(timestamp)
                .endObject();
    }

    /** {@code https://api.example.com:8443/x} becomes {@code api.example.com:8443}; blank gives null. */
    static String normaliseHost(String raw) {
        if (isBlank(raw)) {
            return null;
        }
        String h = raw.strip();
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int at = h.lastIndexOf('@', firstOf(h, "/?#"));
        if (at >= 0) {
            h = h.substring(at + 1); // never keep user:password@
        }
        h = h.substring(0, firstOf(h, "/?#"));
        return isBlank(h) ? null : cut(h);
    }

    /** Keeps the path only: a full URL loses scheme and authority, and query/fragment are cut off. */
    static String normalisePath(String raw) {
        if (raw == null) {
            return "/";
        }
        String p = raw.strip();
        int scheme = p.indexOf("://");
        if (scheme >= 0 && scheme < firstOf(p, "/?#")) {
            String rest = p.substring(scheme + 3);
            int slash = firstOf(rest, "/?#");
            p = rest.substring(slash);
        }
        p = p.substring(0, firstOf(p, "?#"));
        if (p.isBlank()) {
            return "/";
        }
        return cut(p);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static int clamp(long value) {
        if (value <= 0) {
            return 0;
        }
        return value >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT_CHARS ? s : s.substring(0, MAX_TEXT_CHARS);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
