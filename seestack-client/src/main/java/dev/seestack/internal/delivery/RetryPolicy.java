package dev.seestack.internal.delivery;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The delays of the {@link Outcome} table's retry rules, as pure decisions: {@code RETRY_AFTER} (429) honours
 * {@code Retry-After} at most 3 more times; {@code BACKOFF} (5xx, network failures) waits 1/2/4/8 s plus 0–500 ms
 * jitter, 5 attempts in all; every other row is final.
 */
public final class RetryPolicy {
    public static final long[] BACKOFF_MS = {1000, 2000, 4000, 8000};
    public static final int MAX_ATTEMPTS = 5;
    public static final int MAX_RATE_LIMIT_RETRIES = 3;
    public static final int MAX_JITTER_MS = 500;
    /** Longest {@code Retry-After} honoured; longer values are capped so buffers keep moving. */
    public static final long MAX_RETRY_AFTER_MS = 60_000;

    private final IntSupplier jitterMs;
    private final LongSupplier wallClockMs;

    public RetryPolicy(IntSupplier jitterMs, LongSupplier wallClockMs) {
        this.jitterMs = jitterMs;
        this.wallClockMs = wallClockMs;
    }

    /** The production policy: random jitter, system wall clock. */
    public static RetryPolicy standard() {
        return new RetryPolicy(() -> ThreadLocalRandom.current().nextInt(MAX_JITTER_MS + 1), System::currentTimeMillis);
    }

    /**
     * Decides after an HTTP answer.
     *
     * @param attempts attempts made so far, including this one (counting 429 answers too)
     * @param rateLimitRetries retries already spent on 429 answers
     */
    public RetryDecision onStatus(int status, String retryAfter, int attempts, int rateLimitRetries) {
        Outcome outcome = Outcome.of(status);
        switch (outcome.retry()) {
            case RETRY_AFTER:
                if (rateLimitRetries >= MAX_RATE_LIMIT_RETRIES) {
                    return RetryDecision.finalOutcome(outcome);
                }
                long delay = parseRetryAfterMs(retryAfter);
                return RetryDecision.retryAfter(outcome, delay >= 0 ? delay : backoff(rateLimitRetries + 1));
            case BACKOFF:
                return onFailedAttempt(outcome, attempts - rateLimitRetries);
            default:
                return RetryDecision.finalOutcome(outcome);
        }
    }

    /** Decides after a request failed without an answer ({@link Outcome#ofFailure}: timeout, refused, reset...). */
    public RetryDecision onFailure(Outcome outcome, int failedAttempts) {
        return outcome.retry() == Outcome.Retry.BACKOFF ? onFailedAttempt(outcome, failedAttempts)
                : RetryDecision.finalOutcome(outcome);
    }

    /** Decides after a timeout, refused/reset connection or unreachable host. */
    public RetryDecision onNetworkFailure(int failedAttempts) {
        return onFailedAttempt(Outcome.NO_ANSWER, failedAttempts);
    }

    private RetryDecision onFailedAttempt(Outcome outcome, int failedAttempts) {
        if (failedAttempts >= MAX_ATTEMPTS) {
            return RetryDecision.finalOutcome(outcome);
        }
        return RetryDecision.retryAfter(outcome, backoff(failedAttempts));
    }

    private long backoff(int failedAttempts) {
        int index = Math.max(0, Math.min(failedAttempts - 1, BACKOFF_MS.length - 1));
        return BACKOFF_MS[index] + Math.max(0, Math.min(MAX_JITTER_MS, jitterMs.getAsInt()));
    }

    /** Milliseconds to wait per a {@code Retry-After} value (delta-seconds or HTTP-date); -1 if absent/invalid. */
    long parseRetryAfterMs(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? -1 : Math.min(MAX_RETRY_AFTER_MS, seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, Math.min(MAX_RETRY_AFTER_MS, at - wallClockMs.getAsLong()));
            } catch (RuntimeException notDate) {
                return -1;
            }
        }
    }
}
