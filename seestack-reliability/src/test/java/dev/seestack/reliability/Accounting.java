package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.FeatureStats;

/** Assertions that every captured item is accounted for by exactly one outcome. */
final class Accounting {
    private Accounting() {
    }

    /**
     * Every counter is non-negative, the outcomes add up to {@code captured}, {@code captured} equals what the
     * application handed over, and nothing is left pending (the client was flushed or closed).
     */
    static void assertSettled(FeatureStats s, long handedOver) {
        assertEquals(handedOver, s.captured(), "captured = items the application handed over: " + s);
        assertBalanced(s);
        assertEquals(0, s.pending(), "nothing left pending: " + s);
    }

    /** The outcomes add up: captured = sent + unconfirmed + every drop + pending, each of them non-negative. */
    static void assertBalanced(FeatureStats s) {
        assertTrue(s.sent() >= 0 && s.unconfirmed() >= 0 && s.droppedBufferFull() >= 0 && s.droppedAfterRetries() >= 0
                && s.rejected() >= 0 && s.droppedDisabled() >= 0 && s.spooled() >= 0 && s.pending() >= 0,
                "no negative counter: " + s);
        assertEquals(s.captured(), s.sent() + s.unconfirmed() + s.droppedBufferFull() + s.droppedAfterRetries()
                + s.rejected() + s.droppedDisabled() + s.spooled() + s.pending(), s.toString());
    }
}
