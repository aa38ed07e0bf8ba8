package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rule of how many requests a client keeps in flight. */
class InFlightWindowTest {
    @Test
    void untilTheFirstSuccessfulAnswerOnlyOneRequestIsInFlight() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        assertEquals(1, w.size());
        w.onAnswer(true, 100);
        assertEquals(1, w.size(), "a failure does not open it");
        w.onAnswer(false, 1);
        assertEquals(5, w.size(), "8 halved by the failure, plus one for the one waiting");
    }

    @Test
    void aSlightBacklogAddsOnePerAnswerSoTheWindowDoublesEachRoundTrip() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.onAnswer(false, 0); // the first answer opens the window (nothing waited: no growth)
        assertEquals(8, w.size());
        for (int i = 0; i < 8; i++) {
            w.onAnswer(false, 1); // one round trip: the 8 requests in flight answer, one item waiting each time
        }
        assertEquals(16, w.size());
    }

    @Test
    void aDeepBacklogDoublesTheWindowWithEveryAnswerUpToItsBound() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.onAnswer(false, 0);
        w.onAnswer(false, 500);
        assertEquals(16, w.size());
        w.onAnswer(false, 500);
        assertEquals(32, w.size());
        w.onAnswer(false, 20);
        assertEquals(52, w.size(), "grows by what waits when that is less than doubling");
        for (int i = 0; i < 10; i++) {
            w.onAnswer(false, 10_000);
        }
        assertEquals(256, w.size());
    }

    @Test
    void afterAFailureTheWindowGrowsByOnePerAnswerEvenWithADeepBacklog() {
        InFlightWindow w = new InFlightWindow(2, 256, 64);
        w.onAnswer(false, 0);
        w.onAnswer(true, 500);
        assertEquals(32, w.size());
        w.onAnswer(false, 500);
        w.onAnswer(false, 500);
        assertEquals(34, w.size(), "the backend said it had enough: additive growth only");
    }

    @Test
    void overHttp2TheBoundIsFiveHundredAndTwelveStreams() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.onAnswer(false, 0);
        w.multiplexed();
        for (int i = 0; i < 20; i++) {
            w.onAnswer(false, 10_000);
        }
        assertEquals(InFlightWindow.MAX_STREAMS, w.size());
    }

    @Test
    void aFailureHalvesTheWindowButNeverBelowItsMinimum() {
        InFlightWindow w = new InFlightWindow(2, 256, 40);
        w.onAnswer(false, 0);
        w.onAnswer(true, 100);
        assertEquals(20, w.size());
        for (int i = 0; i < 10; i++) {
            w.onAnswer(true, 100);
        }
        assertEquals(2, w.size());
    }

    @Test
    void answersWithNothingWaitingShrinkItByOnePerWindowsWorth() {
        InFlightWindow w = new InFlightWindow(2, 256, 10);
        for (int i = 0; i < 9; i++) {
            w.onAnswer(false, 0);
        }
        assertEquals(10, w.size(), "nine idle answers: not yet a window's worth");
        w.onAnswer(false, 0);
        assertEquals(9, w.size());
        for (int i = 0; i < 1000; i++) {
            w.onAnswer(false, 0);
        }
        assertEquals(2, w.size(), "an idle client drifts back to its minimum");
    }
}
