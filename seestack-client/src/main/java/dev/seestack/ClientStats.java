package dev.seestack;

/** Counters of a client per feature, from {@link SeeStackClient#stats()}. */
public final class ClientStats {
    private final FeatureStats errors;
    private final FeatureStats logs;
    private final FeatureStats httpRequests;
    private final FeatureStats heartbeats;

    public ClientStats(FeatureStats errors, FeatureStats logs, FeatureStats httpRequests, FeatureStats heartbeats) {
        this.errors = errors;
        this.logs = logs;
        this.httpRequests = httpRequests;
        this.heartbeats = heartbeats;
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
                + ", heartbeats=" + heartbeats + "}";
    }
}
