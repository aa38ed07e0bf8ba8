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

    /**
     * One answer a ms from {@code fromMs} to {@code toMs}, each {@code rttMs} after its request, a deep backlog
     * waiting; {@code offered + perMs * t} items offered by each ms {@code t}.
     */
    private static void offeredAndAnswered(InFlightWindow w, long fromMs, long toMs, long offered, long perMs,
            long rttMs) {
        for (long t = fromMs; t < toMs; t++) {
            w.offered(offered + perMs * t, t * MS);
            w.onAnswer(false, 64, (t - rttMs) * MS, t * MS);
        }
    }

    @Test
    void aDeepBacklogGrowsItNoFurtherThanTheOfferedRateNeedsAcrossThePath() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.offered(0, 0);
        // 2 000 items/s offered and 64 waiting (drained within a second), answers in 50 ms (+3 ms of the gate's
        // slack): 109.4 in flight carry it; a quarter more, and the initial 8
        offeredAndAnswered(w, 50, 80, 0, 2, 50);
        assertEquals(145, w.size(), "109.4 needed in flight, plus 25 % and 8");
        offeredAndAnswered(w, 80, 260, 160, 0, 50); // the application stopped logging: the bound falls
        assertEquals(145, w.size(), "a lower bound never shrinks it");
    }

    @Test
    void aBacklogCapturedBeforeTheFirstDispatchCountsAsOfferedLoad() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.offered(1000, 0); // 1 000 items captured at once, then nothing more: the first dispatch
        w.offered(1000, MS);
        w.onAnswer(false, 999, 0, MS); // answered in 1 ms with 999 waiting
        w.onAnswer(false, 998, 0, MS);
        assertEquals(32, w.size(), "a backlog is load to carry: it doubles as with no rate known");
    }

    @Test
    void aConfirmedQueueNeverCutsTheWindowBelowWhatCarriesTheOfferedRate() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.offered(0, 0);
        offeredAndAnswered(w, 50, 100, 0, 4, 50); // 4 000 items/s across 50 ms: 212 in flight carry them
        assertEquals(256, w.size(), "grown to its bound (273 needed)");
        long t = 100;
        for (int i = 0; i < 2 * 256 && w.size() > QueueingGate.PROBE_REQUESTS; i++, t++) {
            w.onAnswer(false, 10_000, (t - 150) * MS, t * MS); // a round of 150 ms: a busy client, or a queue
        }
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size(), "probing the path");
        answerTheProbe(w, t * MS, 50); // 50 ms again with four in flight: the queue is confirmed
        assertEquals(212, w.size(), "256 less a quarter is 192, below the 212 that carry 4 000 items/s");
    }

    @Test
    void aSlowerPathRaisesWhatTheOfferedRateNeeds() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.offered(0, 0);
        offeredAndAnswered(w, 100, 400, 0, 1, 100); // 1 064 items/s, answers in 100 ms: 109.6 in flight needed
        assertEquals(145, w.size());
    }

    @Test
    void aBurstWaitingWithNothingMoreOfferedStillGrowsItToDrainTheBacklog() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        for (long t = 0; t <= 300; t += 100) {
            w.offered(1500, t * MS); // 1 500 items captured at once, then nothing more: the offered rate falls to 0
        }
        for (long t = 300; t < 340; t++) {
            w.onAnswer(false, 1400, (t - 100) * MS, t * MS); // answers in 100 ms, 1 400 still waiting
        }
        // without the backlog in the need, a rate of 0 would hold it at 8
        assertEquals(189, w.size(), "1 400 waiting drained within a second across the path's ~103 ms: ~145 in"
                + " flight, plus 25 % and 8");
    }

    @Test
    void answersOnNewConnectionsGrowItByOneEachUntilPooledOnesTellThePath() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        w.onAnswer(false, 0, 0, 300 * MS, false); // a cold client's first answer, on a new connection: 300 ms
        for (int i = 0; i < 8; i++) {
            w.onAnswer(false, 10_000, 0, 300 * MS, false);
        }
        assertEquals(16, w.size(), "one per answer: it doubles per round trip, not per answer");
        w.onAnswer(false, 10_000, 300 * MS, 350 * MS, true);
        assertEquals(32, w.size(), "an answer on a pooled connection doubles it again");
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
    void oneSlowAnswerDoesNotStopTheWindowGrowing() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        openWith(w, 1);
        w.onAnswer(false, 500, 10 * MS, 16 * MS); // 6 ms: more than 2 x 1 ms + 3 ms of slack, but one answer
        assertEquals(16, w.size(), "queueing is judged on a round of answers, not on one");
    }

    @Test
    void answersSlowedByDistanceRatherThanQueueingStillGrowIt() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        openWith(w, 50);
        w.onAnswer(false, 500, 100 * MS, 190 * MS); // 90 ms on a 50 ms path: under 2 x 50 + 3
        assertEquals(16, w.size());
    }

    @Test
    void aRoundThatQueuedIsProbedAndAConfirmedQueueTakesAQuarterOffButNotBelowTheInitialSize() {
        InFlightWindow w = new InFlightWindow(64, 256, 64);
        openWith(w, 1);
        long t = answers(w, 63, 100 * MS, 0, 10, 1);
        assertEquals(64, w.size(), "the first round held one answer at the path's pace: it was not all queueing");
        t = answers(w, 64, t, 0, 10, 1);
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size(), "a round queued: the path is measured with four in flight");
        answerTheProbe(w, t + 10 * MS, 1);
        assertEquals(48, w.size(), "the probe found the 1 ms path: a queue of ours, a quarter off");
        answers(w, 500, t + 20 * MS, 500, 10, 1); // within the second after the probe: cut without probing
        assertEquals(InFlightWindow.INITIAL, w.size());
    }

    @Test
    void aProbeThatFindsTheSlowAnswersAtFourInFlightTakesThemForThePathAndGrowsFastAgain() {
        InFlightWindow w = new InFlightWindow(16, 256, 16);
        openWith(w, 5); // a new connection: 5 ms
        long t = answers(w, 15, 100 * MS, 0, 44, 1);
        t = answers(w, 16, t, 0, 44, 1); // pooled connections: 44 ms, a whole round of them
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size());
        answerTheProbe(w, t + 44 * MS, 44);
        assertEquals(32, w.size(), "distance, not a queue: no cut, and the probe's last answer grows it at once");
        t += 200 * MS;
        w.onAnswer(false, 500, t, t + 44 * MS);
        assertEquals(64, w.size(), "fast growth again");
        w.onAnswer(false, 500, t + 10 * MS, t + 15 * MS); // a new connection's fast answer
        answers(w, 600, t + 20 * MS, 500, 44, 1);
        assertEquals(256, w.size(), "one fast answer does not make the path short again");
    }

    @Test
    void onceAQueueIsConfirmedItGrowsByOnePerRoundAndIsProbedAgainOnlyAfterTheGap() {
        InFlightWindow w = new InFlightWindow(2, 256, 16);
        openWith(w, 1);
        long t = untilProbing(w, 100 * MS, 10);
        answerTheProbe(w, t, 1);
        int confirmed = w.size();
        assertTrue(confirmed < 16, "a quarter off: " + confirmed);
        t = answers(w, confirmed, t + 10 * MS, 500, 2, 1); // within the slack: one more per window's worth
        assertEquals(confirmed + 1, w.size(), "the queue is the limit: probing upwards by one per round");
        t = answers(w, 2 * (confirmed + 1), t, 500, 10, 1);
        int cut = w.size();
        assertTrue(cut < confirmed + 1 && cut >= InFlightWindow.INITIAL,
                "a queued round soon after a confirming probe: cut at once, without a probe: " + cut);
        long later = t + QueueingGate.MIN_PROBE_GAP_NANOS * 3; // the gap doubled to 2 s with the confirmation
        t = answers(w, cut, later, 500, 50, 1);
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size(), "measured again");
        answerTheProbe(w, t + 50 * MS, 50);
        assertEquals(2 * cut, w.size(), "the path is 50 ms long now: distance, not a queue; fast growth again");
        w.onAnswer(false, 500, t + 200 * MS, t + 250 * MS);
        assertEquals(4 * cut, w.size());
    }

    /**
     * A new client's cold rounds (its own CPU) read as a queue: the window was cut by a quarter. Once rounds come
     * back at the path's pace it regrows to what 5 000 logs/s need across 50 ms within a second; by one per round
     * it took ~4 s, while the buffer overflowed.
     */
    @Test
    void afterAConfirmedQueueRoundsAtThePathsPaceRegrowItToWhatTheOfferedRateNeedsWithinASecond() {
        InFlightWindow w = new InFlightWindow(2, 512, 8);
        w.offered(0, 0);
        openWith(w, 50);
        long t = steadily(w, 50 * MS, 2_000 * MS, 50); // 5 000 logs/s answered in 50 ms, 500 waiting
        int grown = w.size();
        assertTrue(grown > 300, "grown to what 5 000 logs/s need: " + grown);
        t = steadily(w, t, t + 200 * MS, 160); // rounds of 160 ms on a 50 ms path: probed
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size());
        long probe = t + 200 * MS; // after the slow round's last answer
        answerTheProbe(w, probe, 50);
        int cut = w.size();
        assertTrue(cut < grown, "the probe confirmed a queue: " + cut + " of " + grown);
        steadily(w, probe + 60 * MS, probe + 1_060 * MS, 60); // a second of rounds at 60 ms: no queue
        assertTrue(w.size() >= grown, "regrown from " + cut + " to " + w.size() + " (" + grown + " before the cut)");
    }

    /**
     * Answers one request per 0.2 ms (5 000 a second) sent from {@code from} until {@code end}, each after
     * {@code rttMs}, 500 items waiting, with 5 items offered per ms; returns {@code end}.
     */
    private static long steadily(InFlightWindow w, long from, long end, long rttMs) {
        for (long sentAt = from; sentAt < end; sentAt += MS / 5) {
            long now = sentAt + rttMs * MS;
            w.offered(5 * now / MS, now);
            w.onAnswer(false, 500, sentAt, now);
        }
        return end;
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
    void aFailureForgetsAConfirmedQueueSoTheWindowRegrowsPerAnswer() {
        InFlightWindow w = new InFlightWindow(2, 256, 16);
        openWith(w, 1);
        long t = untilProbing(w, 100 * MS, 10);
        answerTheProbe(w, t, 1);
        for (int i = 0; i < 5; i++) {
            w.onAnswer(true, 500, UNTIMED, t); // the backend restarts
        }
        assertEquals(2, w.size());
        answers(w, 30, t + 10 * MS, 500, 2, 1);
        assertEquals(32, w.size(), "one more per answer, not per round");
    }

    @Test
    void answersAtThePathsPaceAreNeverProbed() {
        InFlightWindow w = new InFlightWindow(32, 256, 32);
        openWith(w, 50);
        long t = answers(w, 2000, 100 * MS, 0, 52, 10); // 20 s of answers 2 ms slower than the fastest
        w.onAnswer(false, 0, t, t + 150 * MS); // one slow answer (a pause, say)
        assertEquals(32, w.size(), "no probe: no round queued");
    }

    /** Answers idle rounds that took {@code rttMs}, one per ms from {@code from}, until a probe starts; its time. */
    private static long untilProbing(InFlightWindow w, long from, long rttMs) {
        long t = from;
        for (int i = 0; i < 1000 && w.size() != QueueingGate.PROBE_REQUESTS; i++, t += MS) {
            w.onAnswer(false, 0, t, t + rttMs * MS);
        }
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size(), "a probe started");
        return t + rttMs * MS;
    }

    /**
     * After a restart that left the window at its floor, a backend whose pooled connections answer in ~44 ms and
     * new ones in 5 ms (Nagle and delayed ACK) carries the offered 500 logs/s within a second: the window opens to
     * what that needs (500/s x 44 ms = 22) instead of taking the spread for a queue.
     */
    @Test
    void afterFailuresUnevenAnswerTimesReachTheOfferedRateWithinASecond() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        openWith(w, 5);
        for (int i = 0; i < 6; i++) {
            w.onAnswer(true, 500, UNTIMED, 10 * MS);
        }
        assertEquals(2, w.size());
        Backlog run = new Backlog(w, 20 * MS);
        long answeredInTheSecond = run.answerUntil(20 * MS + 1_000 * MS, (i, sentAt) -> i % 7 == 0 ? 5 * MS : 44 * MS);
        assertTrue(w.size() >= 22, "window " + w.size());
        long next = run.answerUntil(20 * MS + 2_000 * MS, (i, sentAt) -> i % 7 == 0 ? 5 * MS : 44 * MS)
                - answeredInTheSecond;
        assertTrue(next >= 500, "the second second carries the offered rate and more: " + next);
    }

    /**
     * A probe under way when the backend restarts is not completed by the answers after it: those come over new
     * connections (5 ms where pooled ones take 44), and a probe that took them for the path confirmed a queue and
     * held the window near {@link InFlightWindow#INITIAL} for seconds while the outage's backlog overflowed.
     */
    @Test
    void aProbeUnderWayWhenTheBackendRestartsIsNotCompletedByTheNewConnectionsAfterIt() {
        InFlightWindow w = new InFlightWindow(2, 256, 16);
        openWith(w, 5);
        long t = answers(w, 15, 100 * MS, 500, 44, 1);
        t = answers(w, 64, t, 500, 44, 1); // pooled connections: a round queued, the probe finds 44 ms
        t = answers(w, 200, t + 100 * MS, 500, 44, 1);
        assertTrue(w.size() > QueueingGate.PROBE_REQUESTS, "44 ms is the path: " + w.size());
        t = answers(w, w.size(), t + 2_000 * MS, 0, 120, 1); // a round slowed by a busy CPU: probed
        assertEquals(QueueingGate.PROBE_REQUESTS, w.size());
        for (int i = 0; i < 6; i++) {
            w.onAnswer(true, 500, UNTIMED, t); // the backend stops: refused
        }
        long restarted = t + 1_500 * MS;
        Backlog run = new Backlog(w, restarted);
        run.answerUntil(restarted + 1_000 * MS, (i, sentAt) -> i < 8 ? 5 * MS : 44 * MS); // new, then pooled
        assertTrue(w.size() >= 22, "the offered 500 logs/s need 22 in flight at 44 ms: window " + w.size());
    }

    /** Answers varying between 5 and 60 ms at random (a GC pause, a proxy) are no queue: the window opens. */
    @Test
    void neverSitsAtItsFloorWhileABacklogWaitsAndAnswersSucceed() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        openWith(w, 5);
        w.onAnswer(true, 500, UNTIMED, 10 * MS);
        w.onAnswer(true, 500, UNTIMED, 10 * MS);
        java.util.Random random = new java.util.Random(28);
        new Backlog(w, 20 * MS).answerUntil(1_000 * MS, (i, sentAt) -> (5 + random.nextInt(56)) * MS);
        assertTrue(w.size() >= 64, "window " + w.size());
    }

    /**
     * On loopback a backend that serves 20 000 requests a second one at a time queues what it cannot serve: the
     * window stays far below its bound (what the gate is for: more in flight would only lengthen that queue) and
     * the backend stays busy.
     */
    @Test
    void aBackendThatQueuesKeepsTheWindowFarBelowItsBoundWhileItStaysBusy() {
        InFlightWindow w = new InFlightWindow(2, 256, 8);
        long serviceNanos = 50_000; // 20 000 requests/s
        long pathNanos = 200_000; // 0.2 ms loopback round trip
        long[] busyUntil = {0};
        Backlog run = new Backlog(w, 0);
        long answered = run.answerUntil(3_000 * MS, (i, sentAt) -> {
            long done = Math.max(sentAt + pathNanos / 2, busyUntil[0]) + serviceNanos;
            busyUntil[0] = done;
            return done + pathNanos / 2 - sentAt;
        });
        assertTrue(w.size() < 128, "window " + w.size());
        assertTrue(answered > 3 * 20_000 * 0.85, "served " + answered);
    }

    /** A backlog that never runs out: requests go out as soon as the window has room, answered after rtt. */
    private static final class Backlog {
        private final InFlightWindow window;
        private final java.util.PriorityQueue<long[]> inFlight =
                new java.util.PriorityQueue<>((a, b) -> Long.compare(a[1], b[1]));
        private long now;
        private long sent;
        private long answered;

        Backlog(InFlightWindow window, long start) {
            this.window = window;
            this.now = start;
        }

        /** Runs until {@code end}; {@code rtt} gives the round trip of the i-th request sent at a time. */
        long answerUntil(long end, RoundTrip rtt) {
            while (true) {
                while (inFlight.size() < window.size()) {
                    inFlight.add(new long[] {now, now + rtt.of(sent++, now)});
                }
                long[] first = inFlight.poll();
                if (first[1] > end) {
                    inFlight.add(first);
                    return answered;
                }
                now = first[1];
                answered++;
                window.onAnswer(false, 500, first[0], first[1]);
            }
        }
    }

    private interface RoundTrip {
        long of(long index, long sentAt);
    }
}
