package dev.seestack.internal.event;

/** The kinds of data the SDK ships, each with its own endpoint, buffer and sending rule. */
public enum Feature {
    /** One error per request, sent as soon as it is captured. */
    ERRORS("errors", "/ingest/v1/errors", true, 1),
    /** One log per request, buffered and sent on the timer, at 80 % of the buffer, or on flush. */
    LOGS("logs", "/ingest/v1/logs", false, 1),
    /** Batches of up to 100 HTTP items, flushed at 50 items or on the timer. */
    HTTP_REQUESTS("httpRequests", "/ingest/v1/http-requests", false, 100),
    /** One heartbeat per finished job, sent as soon as it is captured. */
    HEARTBEATS("heartbeats", "/ingest/v1/heartbeat", true, 1);

    private final String displayName;
    private final String path;
    private final boolean immediate;
    private final int maxBatchItems;

    Feature(String displayName, String path, boolean immediate, int maxBatchItems) {
        this.displayName = displayName;
        this.path = path;
        this.immediate = immediate;
        this.maxBatchItems = maxBatchItems;
    }

    public String displayName() {
        return displayName;
    }

    /** Ingest path relative to the configured host. */
    public String path() {
        return path;
    }

    /** Whether items are sent as soon as they are captured rather than on a flush trigger. */
    public boolean isImmediate() {
        return immediate;
    }

    /** Items per request: 1, or the batch limit for batched features. */
    public int maxBatchItems() {
        return maxBatchItems;
    }

    public boolean isBatched() {
        return maxBatchItems > 1;
    }
}
