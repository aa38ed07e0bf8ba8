package dev.seestack.internal.delivery;

/** Status, {@code Retry-After} and {@code Location} headers and (for diagnostics) body of one backend response. */
public final class TransportResponse {
    private final int status;
    private final String retryAfter;
    private final String body;
    private final String location;

    public TransportResponse(int status, String retryAfter, String body) {
        this(status, retryAfter, body, null);
    }

    public TransportResponse(int status, String retryAfter, String body, String location) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
        this.location = location;
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
