package dev.seestack;

/** Counters of a client per feature, from {@link SeeStackClient#stats()}. */
public final class ClientStats {
    private final FeatureStats errors;
    private final FeatureStats logs;
    private final FeatureStats httpRequests;
    private final FeatureStats heartbeats;
    private final long connectionResends;

    public ClientStats(FeatureStats errors, FeatureStats logs, FeatureStats httpRequests, FeatureStats heartbeats) {
        this(errors, logs, httpRequests, heartbeats, 0);
    }

    /** With {@code connectionResends}, see {@link #connectionResends()}. */
    public ClientStats(FeatureStats errors, FeatureStats logs, FeatureStats httpRequests, FeatureStats heartbeats,
            long connectionResends) {
        this.errors = errors;
        this.logs = logs;
        this.httpRequests = httpRequests;
        this.heartbeats = heartbeats;
        this.connectionResends = connectionResends;
    }

    /**
     * Requests sent a second time at once because the kept-alive connection they went out on was closed by the
     * server before any byte of answer (an idle timeout, an HTTP/1.0 server). Not a retry: no attempt is used
     * and the item is counted once in its feature's outcome, but the backend may have seen the body twice.
     */
    public long connectionResends() {
        return connectionResends;
    }

    public FeatureStats errors() {
        return errors;
    }

    public FeatureStats logs() {
        return logs;
    }

    public FeatureStats httpRequests() {
        return httpRequests;
    }

    public FeatureStats heartbeats() {
        return heartbeats;
    }

    @Override
    public String toString() {
        return "ClientStats{errors=" + errors + ", logs=" + logs + ", httpRequests=" + httpRequests
                + ", heartbeats=" + heartbeats + ", connectionResends=" + connectionResends + "}";
    }
}
