package dev.seestack.test;

import java.util.Map;

/** One item of a batch sent to {@code /ingest/v1/http-requests}. */
public final class CapturedHttpRequest extends Captured {
    CapturedHttpRequest(Map<String, Object> item) {
        super(item);
    }

    /** {@code inbound} or {@code outbound}. */
    public String direction() {
        return text("direction");
    }

    public String method() {
        return text("method");
    }

    public String host() {
        return text("host");
    }

    /** The path, without query string. */
    public String path() {
        return text("path");
    }

    public int statusCode() {
        return (int) number("statusCode");
    }

    public long durationMs() {
        return number("durationMs");
    }

    public String traceId() {
        return text("traceId");
    }

    public String userId() {
        return text("userId");
    }
}
