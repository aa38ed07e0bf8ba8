package dev.seestack.http;

import java.time.Instant;

/**
 * One HTTP exchange to report to SeeStack's HTTP monitoring, built with {@link #builder()} and passed to
 * {@code SeeStack.captureHttpRequest}. Values are kept as given; the SDK normalises them when sending (host
 * without scheme, path without query or fragment, sizes and duration clamped to 32-bit, a trace id generated
 * when blank). An event the backend would refuse — a method other than GET, POST, PUT, DELETE, PATCH, HEAD,
 * OPTIONS, a status other than 0 or 100-599, no host, a timestamp outside the years 1900-2299 — is dropped alone
 * and counted as rejected in {@code stats()}. Request and response headers are never part of an event.
 */
public final class HttpRequestEvent {
    /** Whether the application served the request or made it. */
    public enum Direction {
        /** A request the application served. */
        INBOUND("inbound"),
        /** A request the application made to another service. */
        OUTBOUND("outbound");

        private final String wireName;

        Direction(String wireName) {
            this.wireName = wireName;
        }

        /** The protocol's value: {@code inbound} or {@code outbound}. */
        public String wireName() {
            return wireName;
        }
    }

    private final String traceId;
    private final Direction direction;
    private final String method;
    private final String host;
    private final String path;
    private final int statusCode;
    private final long durationMs;
    private final long requestSize;
    private final long responseSize;
    private final String userId;
    private final String errorFingerprint;
    private final Instant timestamp;

    private HttpRequestEvent(Builder b) {
        this.traceId = b.traceId;
        this.direction = b.direction;
        this.method = b.method;
        this.host = b.host;
        this.path = b.path;
        this.statusCode = b.statusCode;
        this.durationMs = b.durationMs;
        this.requestSize = b.requestSize;
        this.responseSize = b.responseSize;
        this.userId = b.userId;
        this.errorFingerprint = b.errorFingerprint;
        this.timestamp = b.timestamp != null ? b.timestamp : Instant.now();
    }

    /** A new builder; {@code direction} defaults to inbound, {@code timestamp} to the time of {@code build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Trace id correlating the request with logs; generated when blank. */
    public String traceId() {
        return traceId;
    }

    public Direction direction() {
        return direction;
    }

    /** HTTP method, sent upper-case. */
    public String method() {
        return method;
    }

    /** Host name (optionally with port); a scheme is stripped. */
    public String host() {
        return host;
    }

    /** Request path; any query string or fragment is stripped, blank becomes {@code /}. */
    public String path() {
        return path;
    }

    /** Response status; 0 when no response was received (connection failure, timeout). */
    public int statusCode() {
        return statusCode;
    }

    /** Duration in milliseconds, clamped to 0..{@link Integer#MAX_VALUE} when sent. */
    public long durationMs() {
        return durationMs;
    }

    /** Request body size in bytes; 0 when unknown; clamped to 32-bit when sent. */
    public long requestSize() {
        return requestSize;
    }

    /** Response body size in bytes; 0 when unknown; clamped to 32-bit when sent. */
    public long responseSize() {
        return responseSize;
    }

    /** The user the request was made for; may be null. */
    public String userId() {
        return userId;
    }

    /** Fingerprint of an error captured during the request; may be null. */
    public String errorFingerprint() {
        return errorFingerprint;
    }

    /** When the request started (or was recorded); never null. */
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "HttpRequestEvent{" + direction + " " + method + " " + host + path + " -> " + statusCode + " in "
                + durationMs + " ms, traceId=" + traceId + "}";
    }

    /** Builder of {@link HttpRequestEvent}; every setter accepts null (or 0) to mean "unknown". */
    public static final class Builder {
        private String traceId;
        private Direction direction = Direction.INBOUND;
        private String method;
        private String host;
        private String path;
        private int statusCode;
        private long durationMs;
        private long requestSize;
        private long responseSize;
        private String userId;
        private String errorFingerprint;
        private Instant timestamp;

        private Builder() {
        }

        public Builder traceId(String traceId) {
            this.traceId = traceId;
            return this;
        }

        /** Inbound (default) or outbound; null keeps inbound. */
        public Builder direction(Direction direction) {
            this.direction = direction != null ? direction : Direction.INBOUND;
            return this;
        }

        /** HTTP method (required). */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /** Host name, optionally with {@code :port} (required); a scheme such as {@code https://} is stripped. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        public Builder durationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        public Builder requestSize(long requestSize) {
            this.requestSize = requestSize;
            return this;
        }

        public Builder responseSize(long responseSize) {
            this.responseSize = responseSize;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder errorFingerprint(String errorFingerprint) {
            this.errorFingerprint = errorFingerprint;
            return this;
        }

        /** Start time of the request (default: now, at {@code build()}). */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public HttpRequestEvent build() {
            return new HttpRequestEvent(this);
        }
    }
}
