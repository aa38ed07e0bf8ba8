package dev.seestack.internal.delivery;

import static dev.seestack.internal.delivery.InFlightWindow.UNTIMED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rule of how many requests a client keeps in flight. */
class InFlightWindowTest {
    @Test
    void untilTheFirstSuccessfulAnswerOnlyOneRequestIsInFlight() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        assertEquals(1, w.size());
        w.onAnswer(true, 100, UNTIMED, 0);
        assertEquals(1, w.size(), "a failure does not open it");
        w.onAnswer(false, 1, UNTIMED, 0);
        assertEquals(5, w.size(), "8 halved by the failure, plus one for the one waiting");
    }

    @Test
    void aSlightBacklogAddsOnePerAnswerSoTheWindowDoublesEachRoundTrip() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.onAnswer(false, 0, UNTIMED, 0); // the first answer opens the window (nothing waited: no growth)
        assertEquals(8, w.size());
        for (int i = 0; i < 8; i++) {
            w.onAnswer(false, 1, UNTIMED, 0); // one round trip: the 8 in flight answer, one item waiting each time
        }
        assertEquals(16, w.size());
    }

    @Test
    void aDeepBacklogDoublesTheWindowWithEveryAnswerUpToItsBound() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.onAnswer(false, 0, UNTIMED, 0);
        w.onAnswer(false, 500, UNTIMED, 0);
        assertEquals(16, w.size());
        w.onAnswer(false, 500, UNTIMED, 0);
        assertEquals(32, w.size());
        w.onAnswer(false, 20, UNTIMED, 0);
        assertEquals(52, w.size(), "grows by what waits when that is less than doubling");
        for (int i = 0; i < 10; i++) {
            w.onAnswer(false, 10_000, UNTIMED, 0);
        }
        assertEquals(256, w.size());
    }

    @Test
    void afterAFailureTheWindowGrowsByOnePerAnswerEvenWithADeepBacklog() {
        InFlightWindow w = new InFlightWindow(2, 256, 64);
        w.onAnswer(false, 0, UNTIMED, 0);
        w.onAnswer(true, 500, UNTIMED, 0);
        assertEquals(32, w.size());
        w.onAnswer(false, 500, UNTIMED, 0);
        w.onAnswer(false, 500, UNTIMED, 0);
        assertEquals(34, w.size(), "the backend said it had enough: additive growth only");
    }

    @Test
    void overHttp2TheBoundIsFiveHundredAndTwelveStreams() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.onAnswer(false, 0, UNTIMED, 0);
        w.multiplexed();
        for (int i = 0; i < 20; i++) {
            w.onAnswer(false, 10_000, UNTIMED, 0);
        }
        assertEquals(InFlightWindow.MAX_STREAMS, w.size());
    }

    @Test
    void aFailureHalvesTheWindowButNeverBelowItsMinimum() {
        InFlightWindow w = new InFlightWindow(2, 256, 40);
        w.onAnswer(false, 0, UNTIMED, 0);
        w.onAnswer(true, 100, UNTIMED, 0);
        assertEquals(20, w.size());
        for (int i = 0; i < 10; i++) {
            w.onAnswer(true, 100, UNTIMED, 0);
        }
        assertEquals(2, w.size());
    }

    @Test
    void answersWithNothingWaitingShrinkItByOnePerWindowsWorth() {
        InFlightWindow w = new InFlightWindow(2, 256, 10);
        for (int i = 0; i < 9; i++) {
            w.onAnswer(false, 0, UNTIMED, 0);
        }
        assertEquals(10, w.size(), "nine idle answers: not yet a window's worth");
        w.onAnswer(false, 0, UNTIMED, 0);
        assertEquals(9, w.size());
        for (int i = 0; i < 1000; i++) {
            w.onAnswer(false, 0, UNTIMED, 0);
        }
        assertEquals(2, w.size(), "an idle client drifts back to its minimum");
    }

    private static final long MS = 1_000_000L;

    /**
     * Gives {@code w} {@code count} answers that each took {@code rttMs}, the first sent at {@code from} and the
     * others {@code everyMs} apart, with {@code waiting} items waiting; returns when the next would be sent.
     */
    private static long answers(InFlightWindow w, int count, long from, long waiting, long rttMs, long everyMs) {
        long t = from;
        for (int i = 0; i < count; i++) {
            w.onAnswer(false, waiting, t, t + rttMs * MS);
            t += everyMs * MS;
        }
        return t;
    }

    /** Answers the probe's requests, sent one per ms after {@code start}, each after {@code rttMs}. */
    private static void answerTheProbe(InFlightWindow w, long start, long rttMs) {
        for (int i = 1; i <= QueueingGate.PROBE_REQUESTS; i++) {
            w.onAnswer(false, 500, start + i * MS, start + i * MS + rttMs * MS);
        }
    }

    /** Opens {@code w} with a first answer that took {@code rttMs} (the path's round trip), sent at 0. */
    private static void openWith(InFlightWindow w, long rttMs) {
        w.onAnswer(false, 0, 0, rttMs * MS);
    }

    @Test
    void anAnswerThatQueuedBeyondTwiceThePathsRoundTripDoesNotGrowTheWindow() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        openWith(w, 1);
        w.onAnswer(false, 500, 10 * MS, 16 * MS); // 6 ms: more than 2 x 1 ms + 3 ms of slack
        assertEquals(8, w.size(), "more requests would only queue longer");
        w.onAnswer(false, 500, 20 * MS, 22 * MS); // 2 ms: within the slack
        assertEquals(16, w.size());
    }

    @Test
    void answersSlowedByDistanceRatherThanQueueingStillGrowIt() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        openWith(w, 50);
        w.onAnswer(false, 500, 100 * MS, 190 * MS); // 90 ms on a 50 ms path: under 2 x 50 + 3
        assertEquals(16, w.size());
    }

    @Test
    void aRoundOfAnswersThatAllQueuedTakesAQuarterOffTheWindowButNotBelowItsInitialSize() {
        InFlightWindow w = new InFlightWindow(2, 256, 64);
        openWith(w, 1);
        long t = answers(w, 63, 100 * MS, 500, 10, 1);
        assertEquals(64, w.size(), "the first round held one answer at the path's pace: it was not all queueing");
        t = answers(w, 63, t, 500, 10, 1);
        assertEquals(64, w.size(), "the second round is not over");
        w.onAnswer(false, 500, t, t + 10 * MS);
        assertEquals(48, w.size());
        answers(w, 2000, t, 500, 10, 1);
        assertEquals(InFlightWindow.INITIAL, w.size());
    }

    @Test
    void aPathRoundTripOlderThanTenSecondsIsMeasuredAgainWithFourInFlight() {
        InFlightWindow w = new InFlightWindow(2, 256, 32);
        openWith(w, 1); // the path's round trip: 1 ms, measured at 1 ms
        long late = QueueingGate.PATH_RTT_LIFETIME_NANOS + 10 * MS;
        w.onAnswer(false, 500, late - 50 * MS, late); // 50 ms: queueing, or a backend that moved away
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size(), "the path is measured again");
        w.onAnswer(false, 500, late - 50 * MS, late + MS); // sent before the probe: does not count
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size());
        answerTheProbe(w, late, 50);
        assertEquals(64, w.size(), "the probe is over: the path takes 50 ms, so its last answer did not queue");
        long t = late + 100 * MS;
        w.onAnswer(false, 500, t, t + 60 * MS);
        assertEquals(128, w.size(), "60 ms answers on a 50 ms path grow it again");
    }

    @Test
    void aQueueSeenWithinTenSecondsOfThePathsMeasureIsNotProbed() {
        InFlightWindow w = new InFlightWindow(2, 256, 32);
        openWith(w, 1);
        w.onAnswer(false, 500, 2 * MS, 52 * MS);
        assertEquals(32, w.size());
    }

    @Test
    void aNetworkFailureSaysNothingOfThePath() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        openWith(w, 50);
        w.onAnswer(true, 500, UNTIMED, 60 * MS); // a refused connection answers at once: not the path's figure
        w.onAnswer(false, 500, 100 * MS, 190 * MS);
        assertEquals(5, w.size(), "halved to 4, then grown by one: the 90 ms answer did not queue");
    }

    @Test
    void onceARoundQueuedItGrowsByOnePerRoundUntilAProbeFindsTheLongerPath() {
        InFlightWindow w = new InFlightWindow(2, 256, 16);
        openWith(w, 1);
        long t = answers(w, 15 + 16, 100 * MS, 500, 10, 1); // the second round of 16 all queued
        assertEquals(12, w.size());
        answers(w, 12, t, 500, 2, 1); // within the slack: one more per window's worth
        assertEquals(13, w.size(), "the queue is the limit: probing upwards by one per round");
        long late = QueueingGate.PATH_RTT_LIFETIME_NANOS + 500 * MS; // 10 s after the last 2 ms answer
        w.onAnswer(false, 500, late - 50 * MS, late); // queued, and the path's figure is stale: probe
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size());
        answerTheProbe(w, late, 50);
        assertEquals(26, w.size(), "the path is 50 ms long: distance, not a queue, so fast growth again");
    }

    @Test
    void answersAtThePathsPaceKeepItsFigureSoALongSteadyPathIsNotProbed() {
        InFlightWindow w = new InFlightWindow(2, 256, 32);
        openWith(w, 50);
        long t = answers(w, 200, 100 * MS, 0, 52, 100); // 20 s of answers 2 ms slower than the fastest
        w.onAnswer(false, 500, t, t + 150 * MS); // one slow answer (a pause, say)
        assertTrue(w.size() > QueueingGate.PROBE_REQUESTS, "no probe: the path's figure is fresh");
    }
}
