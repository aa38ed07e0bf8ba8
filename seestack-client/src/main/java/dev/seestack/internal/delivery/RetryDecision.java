package dev.seestack.internal.delivery;

/** What to do with a request after one attempt, per the protocol's status table. */
public final class RetryDecision {
    /** The outcome kinds. */
    public enum Kind {
        DELIVERED, REJECTED, FORBIDDEN, NOT_FOUND, DISABLE, RETRY, EXHAUSTED
    }

    public static final RetryDecision DELIVERED = new RetryDecision(Kind.DELIVERED, 0);
    public static final RetryDecision REJECTED = new RetryDecision(Kind.REJECTED, 0);
    public static final RetryDecision FORBIDDEN = new RetryDecision(Kind.FORBIDDEN, 0);
    public static final RetryDecision NOT_FOUND = new RetryDecision(Kind.NOT_FOUND, 0);
    public static final RetryDecision DISABLE = new RetryDecision(Kind.DISABLE, 0);
    public static final RetryDecision EXHAUSTED = new RetryDecision(Kind.EXHAUSTED, 0);

    private final Kind kind;
    private final long delayMs;

    private RetryDecision(Kind kind, long delayMs) {
        this.kind = kind;
        this.delayMs = delayMs;
    }

    public static RetryDecision retryAfter(long delayMs) {
        return new RetryDecision(Kind.RETRY, delayMs);
    }

    public Kind kind() {
        return kind;
    }

    /** Delay before the next attempt; meaningful for {@link Kind#RETRY}. */
    public long delayMs() {
        return delayMs;
    }

    @Override
    public String toString() {
        return kind == Kind.RETRY ? "RETRY in " + delayMs + " ms" : kind.name();
    }
}
