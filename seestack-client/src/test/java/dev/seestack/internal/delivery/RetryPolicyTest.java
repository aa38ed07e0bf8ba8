package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final long NOW = Instant.parse("2026-03-31T12:00:00Z").toEpochMilli();
    private final RetryPolicy policy = new RetryPolicy(() -> 250, () -> NOW);

    @Test
    void mapsEveryRowOfTheStatusTable() {
        assertEquals(RetryDecision.Kind.DELIVERED, kind(202));
        assertEquals(RetryDecision.Kind.DELIVERED, kind(200));
        assertEquals(RetryDecision.Kind.REJECTED, kind(400));
        assertEquals(RetryDecision.Kind.REJECTED, kind(422));
        assertEquals(RetryDecision.Kind.DISABLE, kind(401));
        assertEquals(RetryDecision.Kind.FORBIDDEN, kind(403));
        assertEquals(RetryDecision.Kind.NOT_FOUND, kind(404));
        assertEquals(RetryDecision.Kind.RETRY, kind(429));
        assertEquals(RetryDecision.Kind.RETRY, kind(500));
        assertEquals(RetryDecision.Kind.RETRY, kind(503));
    }

    @Test
    void backsOffOneTwoFourEightSecondsPlusJitterThenGivesUpAfterFiveAttempts() {
        assertEquals(1250, policy.onNetworkFailure(1).delayMs());
        assertEquals(2250, policy.onNetworkFailure(2).delayMs());
        assertEquals(4250, policy.onNetworkFailure(3).delayMs());
        assertEquals(8250, policy.onNetworkFailure(4).delayMs());
        assertEquals(RetryDecision.Kind.EXHAUSTED, policy.onNetworkFailure(5).kind());
        assertEquals(RetryDecision.Kind.EXHAUSTED, policy.onStatus(502, null, 5, 0).kind());
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
        assertEquals(RetryDecision.Kind.RETRY, policy.onStatus(429, "1", 3, 2).kind());
        assertEquals(RetryDecision.Kind.EXHAUSTED, policy.onStatus(429, "1", 4, 3).kind());
    }

    private RetryDecision.Kind kind(int status) {
        return policy.onStatus(status, null, 1, 0).kind();
    }
}
