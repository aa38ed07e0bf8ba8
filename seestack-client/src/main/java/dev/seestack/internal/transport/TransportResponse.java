package dev.seestack.internal.transport;

/** Status, {@code Retry-After} and {@code Location} headers and (for diagnostics) body of one backend response. */
public final class TransportResponse {
    private final int status;
    private final String retryAfter;
    private final String body;
    private final String location;
    private final boolean multiplexed;

    public TransportResponse(int status, String retryAfter, String body) {
        this(status, retryAfter, body, null);
    }

    public TransportResponse(int status, String retryAfter, String body, String location) {
        this(status, retryAfter, body, location, false);
    }

    /** {@code multiplexed}: answered over HTTP/2, where requests in flight are streams of one connection. */
    public TransportResponse(int status, String retryAfter, String body, String location, boolean multiplexed) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
        this.location = location;
        this.multiplexed = multiplexed;
    }

    /** Whether it came over HTTP/2 (many requests in flight cost streams, not connections). */
    public boolean multiplexed() {
        return multiplexed;
    }

    public int status() {
        return status;
    }

    /** The raw {@code Retry-After} header, or null. */
    public String retryAfter() {
        return retryAfter;
    }

    /** The response body, or null; used only in debug output. */
    public String body() {
        return body;
    }

    /** The {@code Location} header of a redirect, or null. */
    public String location() {
        return location;
    }
}
