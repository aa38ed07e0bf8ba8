package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The AIMD rule of how many requests a client keeps in flight. */
class InFlightWindowTest {
    @Test
    void untilTheFirstSuccessfulAnswerOnlyOneRequestIsInFlight() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        assertEquals(1, w.size());
        w.onAnswer(true, true);
        assertEquals(1, w.size(), "a failure does not open it");
        w.onAnswer(false, true);
        assertEquals(5, w.size(), "8 halved by the failure, plus one for the answer");
    }

    @Test
    void everyAnswerWhileWorkWaitsAddsOneSoTheWindowDoublesEachRoundTrip() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.onAnswer(false, false); // the first answer opens the window (found nothing waiting: no growth)
        assertEquals(8, w.size());
        for (int i = 0; i < 8; i++) {
            w.onAnswer(false, true); // one round trip: the 8 requests in flight answer
        }
        assertEquals(16, w.size());
        for (int i = 0; i < 16; i++) {
            w.onAnswer(false, true);
        }
        assertEquals(32, w.size());
    }

    @Test
    void aFailureHalvesTheWindowButNeverBelowItsMinimum() {
        InFlightWindow w = new InFlightWindow(2, 256, 40);
        w.onAnswer(false, false);
        w.onAnswer(true, true);
        assertEquals(20, w.size());
        for (int i = 0; i < 10; i++) {
            w.onAnswer(true, true);
        }
        assertEquals(2, w.size());
    }

    @Test
    void answersWithNothingWaitingShrinkItByOnePerWindowsWorth() {
        InFlightWindow w = new InFlightWindow(2, 256, 10);
        for (int i = 0; i < 9; i++) {
            w.onAnswer(false, false);
        }
        assertEquals(10, w.size(), "nine idle answers: not yet a window's worth");
        w.onAnswer(false, false);
        assertEquals(9, w.size());
        for (int i = 0; i < 1000; i++) {
            w.onAnswer(false, false);
        }
        assertEquals(2, w.size(), "an idle client drifts back to its minimum");
    }

    @Test
    void itNeverGrowsPastItsBound() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        for (int i = 0; i < 10_000; i++) {
            w.onAnswer(false, true);
        }
        assertEquals(256, w.size());
    }
}
