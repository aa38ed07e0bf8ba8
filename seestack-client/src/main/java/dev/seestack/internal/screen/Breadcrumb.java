package dev.seestack.internal.screen;

import dev.seestack.internal.event.Severity;
import dev.seestack.internal.event.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One earlier event of a trace, kept small and immutable on the application's thread (a log line's references, or
 * an outbound call's numbers) and rendered into its wire map only when an error carrying it is written.
 */
public final class Breadcrumb {
    /** Log messages longer than this are cut when kept (the crumb's byte cost stays bounded). */
    static final int MAX_MESSAGE_CHARS = 1024;
    /** Rough fixed cost of one crumb (object headers, fields, the trail's slot), for the trail's byte budget. */
    private static final int FIXED_BYTES = 96;

    private final long timestampMs;
    private final Severity level;
    private final String logger;
    private final String message;
    private final String method;
    private final int statusCode;
    private final long durationMs;

    private Breadcrumb(long timestampMs, Severity level, String logger, String message, String method, int statusCode,
            long durationMs) {
        this.timestampMs = timestampMs;
        this.level = level;
        this.logger = logger;
        this.message = message;
        this.method = method;
        this.statusCode = statusCode;
        this.durationMs = durationMs;
    }

    /** A log line: {@code type} {@code log}. */
    public static Breadcrumb log(long timestampMs, Severity level, String logger, String message) {
        String m = message != null && message.length() > MAX_MESSAGE_CHARS
                ? message.substring(0, MAX_MESSAGE_CHARS) : message;
        return new Breadcrumb(timestampMs, level, logger, m, null, 0, 0);
    }

    /** An outbound HTTP call: {@code type} {@code http}; {@code statusCode} 0 when there was no answer. */
    public static Breadcrumb http(long timestampMs, String method, String path, int statusCode, long durationMs) {
        String p = path != null && path.length() > MAX_MESSAGE_CHARS ? path.substring(0, MAX_MESSAGE_CHARS) : path;
        return new Breadcrumb(timestampMs, null, null, p, method, statusCode, durationMs);
    }

    /** Estimated heap bytes held (strings counted as UTF-16). */
    long estimatedBytes() {
        return FIXED_BYTES + 2L * (length(message) + length(logger) + length(method));
    }

    /** The JSON shape of the JS SDK ({@code timestamp}, {@code type}, {@code level}, {@code message}, ...). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", Timestamps.isoMillis(timestampMs));
        if (method == null) {
            m.put("type", "log");
            m.put("level", level.wireName());
            m.put("message", message == null ? "" : message);
            if (logger != null) {
                m.put("logger", logger);
            }
            return m;
        }
        m.put("type", "http");
        m.put("message", method + " " + message + " -> " + statusCode);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", method);
        data.put("path", message);
        data.put("statusCode", statusCode);
        data.put("durationMs", durationMs);
        m.put("data", data);
        return m;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
