package dev.seestack.internal.flags;

import dev.seestack.flags.FlagResult;

/**
 * One flag lookup with how it was answered, for integrations that report more than the value (the OpenFeature
 * provider): the result, the backend's own reason, whether it came from the network, the cache or a stale entry,
 * and why there is none.
 */
public final class FlagEvaluation {
    /** Where the result came from. */
    public enum Origin {
        /** Answered by a request made for this lookup (or one shared with a concurrent lookup). */
        FETCHED,
        /** A fresh cache entry, no request. */
        CACHED,
        /** The request failed; the last cached entry answered (stale-on-error). */
        STALE,
        /** Nothing answered: see {@link #failure()}. */
        NONE
    }

    /** Why a lookup has no result. */
    public enum Failure {
        NONE,
        /** Flags are not configured (no flagsToken, no UUID projectId, refused plain-HTTP host). */
        NOT_CONFIGURED,
        /** The backend does not know the flag (404). */
        NOT_FOUND,
        /** Network failure, timeout, another status or an unreadable answer. */
        FAILED
    }

    private final FlagResult result;
    private final String backendReason;
    private final Origin origin;
    private final Failure failure;
    private final String message;

    private FlagEvaluation(FlagResult result, String backendReason, Origin origin, Failure failure, String message) {
        this.result = result;
        this.backendReason = backendReason;
        this.origin = origin;
        this.failure = failure;
        this.message = message;
    }

    /** A result read from the backend's answer; {@code backendReason} may be null. */
    static FlagEvaluation answered(FlagResult result, String backendReason) {
        return new FlagEvaluation(result, backendReason, Origin.FETCHED, Failure.NONE, null);
    }

    /** No result, for {@code failure} explained by {@code message}. */
    static FlagEvaluation failed(Failure failure, String message) {
        return new FlagEvaluation(null, null, Origin.NONE, failure, message);
    }

    /** This answer as served from {@code newOrigin}; a stale answer keeps the failure that made it stale. */
    FlagEvaluation from(Origin newOrigin, FlagEvaluation failedFetch) {
        return new FlagEvaluation(result, backendReason, newOrigin, failedFetch == null ? Failure.NONE
                : failedFetch.failure, failedFetch == null ? null : failedFetch.message);
    }

    /** The result, or null when {@link #origin()} is {@link Origin#NONE}. */
    public FlagResult result() {
        return result;
    }

    /** The backend's reason ({@code reason}, or {@code ruleApplied} of the documented shape), or null. */
    public String backendReason() {
        return backendReason;
    }

    public Origin origin() {
        return origin;
    }

    /** Why there is no result, or why a stale one was served; {@link Failure#NONE} otherwise. */
    public Failure failure() {
        return failure;
    }

    /** A sentence about the failure naming the option or status, or null. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return "FlagEvaluation{" + result + ", reason=" + backendReason + ", " + origin + ", " + failure + "}";
    }
}
