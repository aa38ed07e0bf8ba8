package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final long NOW = Instant.parse("2026-03-31T12:00:00Z").toEpochMilli();
    private final RetryPolicy policy = new RetryPolicy(() -> 250, () -> NOW);

    @Test
    void mapsEveryRowOfTheOutcomeTable() {
        assertEquals("DELIVERED", verdict(202));
        assertEquals("DELIVERED", verdict(200));
        assertEquals("MALFORMED", verdict(400));
        assertEquals("MALFORMED", verdict(422));
        assertEquals("UNAUTHORIZED", verdict(401));
        assertEquals("FORBIDDEN", verdict(403));
        assertEquals("NOT_FOUND", verdict(404));
        assertEquals("REDIRECT", verdict(302));
        assertEquals("RATE_LIMITED retried", verdict(429));
        assertEquals("SERVER_ERROR retried", verdict(500));
        assertEquals("SERVER_ERROR retried", verdict(503));
    }

    @Test
    void retriesOnlyTheFailuresTheTableRetries() {
        assertTrue(policy.onFailure(Outcome.NO_ANSWER, 1).retried());
        assertTrue(policy.onFailure(Outcome.INTERRUPTED, 1).exhausted());
        assertFalse(policy.onFailure(Outcome.NOT_SENT, 1).retried());
        assertFalse(policy.onFailure(Outcome.NOT_SENT, 1).exhausted());
    }

    @Test
    void backsOffOneTwoFourEightSecondsPlusJitterThenGivesUpAfterFiveAttempts() {
        assertEquals(1250, policy.onNetworkFailure(1).delayMs());
        assertEquals(2250, policy.onNetworkFailure(2).delayMs());
        assertEquals(4250, policy.onNetworkFailure(3).delayMs());
        assertEquals(8250, policy.onNetworkFailure(4).delayMs());
        assertTrue(policy.onNetworkFailure(5).exhausted());
        assertTrue(policy.onStatus(502, null, 5, 0).exhausted());
    }

    @Test
    void keepsJitterWithinZeroToFiveHundredMilliseconds() {
        RetryPolicy wild = new RetryPolicy(() -> 10_000, () -> NOW);
        assertEquals(1500, wild.onNetworkFailure(1).delayMs());
        RetryPolicy negative = new RetryPolicy(() -> -5, () -> NOW);
        assertEquals(1000, negative.onNetworkFailure(1).delayMs());
    }

    @Test
    void honoursRetryAfterInSecondsAndAsHttpDate() {
        assertEquals(7000, policy.onStatus(429, "7", 1, 0).delayMs());
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.ofEpochMilli(NOW + 3000).atZone(ZoneOffset.UTC));
        assertEquals(3000, policy.onStatus(429, inThreeSeconds, 1, 0).delayMs());
    }

    @Test
    void fallsBackToBackoffWhenRetryAfterIsMissingOrGarbageAndCapsHugeValues() {
        assertEquals(1250, policy.onStatus(429, null, 1, 0).delayMs());
        assertEquals(2250, policy.onStatus(429, "soon", 2, 1).delayMs());
        assertEquals(RetryPolicy.MAX_RETRY_AFTER_MS, policy.onStatus(429, "86400", 1, 0).delayMs());
    }

    @Test
    void allowsAtMostThreeRetriesOnRateLimiting() {
        assertTrue(policy.onStatus(429, "1", 3, 2).retried());
        assertTrue(policy.onStatus(429, "1", 4, 3).exhausted());
    }

    private String verdict(int status) {
        RetryDecision d = policy.onStatus(status, null, 1, 0);
        return d.outcome() + (d.retried() ? " retried" : "");
    }
}
