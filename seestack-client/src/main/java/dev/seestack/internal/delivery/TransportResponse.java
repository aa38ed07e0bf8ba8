package dev.seestack.internal.delivery;

/** Status, {@code Retry-After} header and (for diagnostics) body of one backend response. */
public final class TransportResponse {
    private final int status;
    private final String retryAfter;
    private final String body;

    public TransportResponse(int status, String retryAfter, String body) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
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
}
