package dev.seestack.internal.delivery;

/**
 * What to do with a request after one attempt: its {@link Outcome} row, and whether (and after how long) it is sent
 * again; a row that retries but is not retried here has spent its attempts.
 */
public final class RetryDecision {
    public static final RetryDecision DELIVERED = finalOutcome(Outcome.DELIVERED);
    public static final RetryDecision REJECTED = finalOutcome(Outcome.MALFORMED);

    private final Outcome outcome;
    private final boolean retried;
    private final long delayMs;

    private RetryDecision(Outcome outcome, boolean retried, long delayMs) {
        this.outcome = outcome;
        this.retried = retried;
        this.delayMs = delayMs;
    }

    /** {@code outcome} as the request's last word: not sent again. */
    public static RetryDecision finalOutcome(Outcome outcome) {
        return new RetryDecision(outcome, false, 0);
    }

    /** {@code outcome}, sent again after {@code delayMs}. */
    public static RetryDecision retryAfter(Outcome outcome, long delayMs) {
        return new RetryDecision(outcome, true, delayMs);
    }

    /** The row of the table this attempt ended on. */
    public Outcome outcome() {
        return outcome;
    }

    /** Whether the request is sent again (after {@link #delayMs}). */
    public boolean retried() {
        return retried;
    }

    /** Whether the row retries but the request's attempts are spent (or the stop cut it short). */
    public boolean exhausted() {
        return !retried && outcome.counter() == Outcome.Counter.DROPPED_AFTER_RETRIES;
    }

    /** Delay before the next attempt; meaningful when {@link #retried}. */
    public long delayMs() {
        return delayMs;
    }

    @Override
    public String toString() {
        return retried ? "RETRY in " + delayMs + " ms" : exhausted() ? "EXHAUSTED" : outcome.name();
    }
}
