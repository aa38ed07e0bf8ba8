package dev.seestack.internal.http;

import dev.seestack.internal.event.Timestamps;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.HeapEstimate;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.internal.json.BlankText;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * One normalised {@code requests[]} item of {@code POST /ingest/v1/http-requests}, built on the caller's
 * thread from an {@link HttpRequestEvent}: host without scheme, path without query or fragment, integers
 * clamped to 32 bits, a trace id always present. Written into a batch by {@link HttpBatch}. An event the
 * backend would refuse (see {@link #invalidReason}) never becomes an item: the backend answers such an item
 * with a 500 after storing the batch's earlier items, so one bad item would duplicate its whole batch.
 */
public final class HttpItem implements Encodable {
    private static final int MAX_TEXT_CHARS = 2048;
    /** The methods the backend's enum knows; anything else is answered 500. */
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    /** Timestamps the backend's storage keeps: years 1900 to 2299. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2300-01-01T00:00:00Z");

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

    private HttpItem(HttpRequestEvent e, String method, String host, String fallbackUserId) {
        this.traceId = isBlank(e.traceId()) ? TraceIds.newTraceId() : cut(BlankText.strip(e.traceId()));
        this.direction = e.direction().wireName();
        this.method = method;
        this.host = host;
        this.path = normalisePath(e.path());
        this.statusCode = e.statusCode();
        this.durationMs = clamp(e.durationMs());
        this.requestSize = clamp(e.requestSize());
        this.responseSize = clamp(e.responseSize());
        String user = isBlank(e.userId()) ? fallbackUserId : e.userId();
        this.userId = isBlank(user) ? null : cut(user);
        this.errorFingerprint = isBlank(e.errorFingerprint()) ? null : cut(e.errorFingerprint());
        this.timestamp = Timestamps.isoMillis(e.timestamp() != null ? e.timestamp() : Instant.now());
    }

    /** Its object and its strings (method and direction are constants). */
    @Override
    public int retainedBytes() {
        return 2 * HeapEstimate.OBJECT_BYTES + HeapEstimate.of(traceId) + HeapEstimate.of(host) + HeapEstimate.of(path)
                + HeapEstimate.of(userId) + HeapEstimate.of(errorFingerprint) + HeapEstimate.of(timestamp);
    }

    /** The item's fields as sent, for a {@code beforeSendHttpRequest} hook's view. */
    public java.util.Map<String, Object> fields() {
        java.util.Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("traceId", traceId);
        f.put("direction", direction);
        f.put("method", method);
        f.put("host", host);
        f.put("path", path);
        f.put("statusCode", statusCode);
        f.put("durationMs", durationMs);
        return f;
    }

    /** The item for {@code event}, or null when the backend would refuse it ({@link #invalidReason}). */
    public static HttpItem from(HttpRequestEvent event) {
        return from(event, null);
    }

    /**
     * The item for {@code event}, with {@code fallbackUserId} (may be null) as its {@code userId} when the event
     * has none; null when the backend would refuse it ({@link #invalidReason}).
     */
    public static HttpItem from(HttpRequestEvent event, String fallbackUserId) {
        if (invalidReason(event) != null) {
            return null;
        }
        return new HttpItem(event, method(event), normaliseHost(event.host()), fallbackUserId);
    }

    /**
     * Why the backend would refuse {@code event} (validated as it does: method list, status 0 or 100-599,
     * direction, a host, a timestamp in the years 1900-2299), or null when it is valid. Never throws, even for
     * {@code Instant.MIN} or {@code Instant.MAX}.
     */
    public static String invalidReason(HttpRequestEvent event) {
        if (event == null) {
            return "HTTP request event is null";
        }
        if (isBlank(event.method()) || !METHODS.contains(method(event))) {
            return "HTTP method '" + event.method() + "' is not one of " + "GET POST PUT DELETE PATCH HEAD OPTIONS";
        }
        if (normaliseHost(event.host()) == null) {
            return "HTTP request without host";
        }
        int status = event.statusCode();
        if (status != 0 && (status < 100 || status > 599)) {
            return "HTTP status " + status + " is neither 0 nor 100-599";
        }
        if (event.direction() == null) {
            return "HTTP request without direction";
        }
        Instant t = event.timestamp();
        if (t != null && (t.isBefore(EARLIEST) || !t.isBefore(END))) {
            return "HTTP request timestamp " + t + " is outside the years 1900-2299";
        }
        return null;
    }

    private static String method(HttpRequestEvent event) {
        return BlankText.strip(event.method()).toUpperCase(Locale.ROOT);
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
        String h = BlankText.strip(raw);
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int at = h.lastIndexOf('@', firstOf(h, "/?#"));
        if (at >= 0) {
            h = h.substring(at + 1); // never keep user:password@
        }
        h = h.substring(0, firstOf(h, "/?#"));
        return isBlank(h) ? null : cut(BlankText.strip(h));
    }

    /** Keeps the path only: a full URL loses scheme and authority, and query/fragment are cut off. */
    static String normalisePath(String raw) {
        if (raw == null) {
            return "/";
        }
        String p = BlankText.strip(raw);
        int scheme = p.indexOf("://");
        if (scheme >= 0 && scheme < firstOf(p, "/?#")) {
            String rest = p.substring(scheme + 3);
            int slash = firstOf(rest, "/?#");
            p = rest.substring(slash);
        }
        p = p.substring(0, firstOf(p, "?#"));
        if (isBlank(p)) {
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
        return BlankText.isBlank(s);
    }
}
