package dev.seestack.internal.transport;

/** Status, {@code Retry-After} and {@code Location} headers and (for diagnostics) body of one backend response. */
public final class TransportResponse {
    private final int status;
    private final String retryAfter;
    private final String body;
    private final String location;
    private final boolean multiplexed;
    private final boolean newConnection;

    public TransportResponse(int status, String retryAfter, String body) {
        this(status, retryAfter, body, null);
    }

    public TransportResponse(int status, String retryAfter, String body, String location) {
        this(status, retryAfter, body, location, false);
    }

    /** {@code multiplexed}: answered over HTTP/2, where requests in flight are streams of one connection. */
    public TransportResponse(int status, String retryAfter, String body, String location, boolean multiplexed) {
        this(status, retryAfter, body, location, multiplexed, false);
    }

    /**
     * {@code newConnection}: answered on a connection opened for it (or, over HTTP/2, a stream of a connection that
     * had not answered yet), so its round trip includes connecting and the TLS handshake.
     */
    public TransportResponse(int status, String retryAfter, String body, String location, boolean multiplexed,
            boolean newConnection) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
        this.location = location;
        this.multiplexed = multiplexed;
        this.newConnection = newConnection;
    }

    /**
     * Whether it came on a connection that had not answered before: its time says nothing of queueing (a new
     * connection pays for connecting and TLS, and some servers answer new connections first).
     */
    public boolean newConnection() {
        return newConnection;
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
