package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.delivery.QueueingGate.Verdict;
import org.junit.jupiter.api.Test;

/** Which answers the queueing gate judges: only those on pooled connections, with explicit times (ms). */
class QueueingGateTest {
    private static final long MS = 1_000_000L;
    private static final boolean POOLED = true;
    private static final boolean NEW_CONNECTION = false;

    /** {@code count} answers of {@code rttMs} each, the last one at {@code nowMs}; the last verdict. */
    private static Verdict answers(QueueingGate gate, int count, long rttMs, long nowMs, int window, boolean pooled) {
        Verdict last = Verdict.NONE;
        for (int i = 0; i < count; i++) {
            last = gate.onRoundTrip((nowMs - rttMs) * MS, nowMs * MS, window, pooled);
        }
        return last;
    }

    @Test
    void aRoundOfSlowAnswersOnNewConnectionsIsNotTakenForAQueue() {
        QueueingGate gate = new QueueingGate();
        answers(gate, 8, 50, 1_000, 8, POOLED); // the path: 50 ms
        // 8 answers that paid for connecting and a TLS handshake each: 300 ms, more than twice the path
        answers(gate, 8, 300, 2_000, 8, NEW_CONNECTION);
        assertFalse(gate.probing(), "new connections' answers start no probe");
        answers(gate, 8, 300, 3_000, 8, POOLED);
        assertTrue(gate.probing(), "the same times on pooled connections do");
    }

    @Test
    void fastAnswersOnNewConnectionsNeitherDefineThePathNorCompleteAProbe() {
        QueueingGate gate = new QueueingGate();
        // a server that answers new connections in 2 ms and its pooled ones in 50 ms (no queue, just its way)
        answers(gate, 8, 2, 1_000, 8, NEW_CONNECTION);
        assertEquals(Verdict.NONE, answers(gate, 8, 50, 2_000, 8, POOLED));
        assertFalse(gate.probing(), "the path is the pooled 50 ms: a round of 50 ms did not queue");
        answers(gate, 8, 150, 3_000, 8, POOLED); // a round queued behind each other: probed
        assertTrue(gate.probing());
        assertEquals(Verdict.NONE, answers(gate, QueueingGate.PROBE_REQUESTS, 2, 3_010, 4, NEW_CONNECTION),
                "fast answers on new connections do not confirm the queue");
        assertTrue(gate.probing());
        assertEquals(Verdict.ROUND_QUEUED, answers(gate, QueueingGate.PROBE_REQUESTS, 50, 3_100, 4, POOLED),
                "the probe's pooled answers at the path's 50 ms confirm it");
    }

    @Test
    void aProbeAnsweredSlowlyOnlyOnNewConnectionsStaysOpenUntilPooledAnswersCome() {
        QueueingGate gate = new QueueingGate();
        answers(gate, 8, 10, 1_000, 8, POOLED);
        answers(gate, 8, 100, 2_000, 8, POOLED);
        assertTrue(gate.probing());
        // answers on new connections (a handshake each) would have read as "the path is longer": ignored
        assertEquals(Verdict.NONE, answers(gate, QueueingGate.PROBE_REQUESTS, 100, 2_200, 4, NEW_CONNECTION));
        assertEquals(Verdict.ROUND_QUEUED, answers(gate, QueueingGate.PROBE_REQUESTS, 10, 2_300, 4, POOLED));
    }
}
