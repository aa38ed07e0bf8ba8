package dev.seestack.internal.delivery;

import java.util.concurrent.TimeUnit;

/**
 * Tells whether the requests in flight wait in a queue (at the backend, or for this machine's CPU) rather than on
 * the distance to the backend, judged per round of answers (a window's worth), never on one answer: a round whose
 * fastest answer took longer than twice the path's round trip plus {@link #SLACK_NANOS} queued (TCP Vegas's idea).
 * Such a round first measures the path again with at most {@link #PROBE_REQUESTS} in flight (BBR's probe), which
 * drains a queue of our own: when even those answers are slow the path is longer than it was (a slow pooled
 * connection, a proxy, a backend that moved) and that becomes the path; otherwise the queue is confirmed. Probes
 * are at least {@link #MIN_PROBE_GAP_NANOS} apart, twice as far apart after each confirmed queue up to
 * {@link #MAX_PROBE_GAP_NANOS}. The path's round trip is the fastest answer seen until the first probe, then the
 * latest probe's fastest answer, so one fast answer (a new connection) never redefines it. Guarded by the pipeline
 * lock; times are nanoTime of the pipeline's clock.
 */
final class QueueingGate {
    /**
     * Queueing tolerated beyond one more path round trip. On loopback (2 vCPUs, BENCHMARKS.md) 1 ms held JDK 25 at
     * 86-93 % of a plain JDK-client loop; 3 ms gave JDK 17 89-98 % and JDK 25 96-108 %; 5 ms cost JDK 17.
     */
    static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(3);
    /** Least time between two probes of the path. */
    static final long MIN_PROBE_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Most time between two probes while queues keep being confirmed. */
    static final long MAX_PROBE_GAP_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Requests in flight while the path's round trip is measured again. */
    static final int PROBE_REQUESTS = 4;
    /** {@link #pathRtt()} before any pooled answer. */
    static final long UNKNOWN = Long.MAX_VALUE;

    private long pathRtt = UNKNOWN;
    private boolean probedOnce;
    private long roundFastest = UNKNOWN;
    private int roundAnswers;
    private boolean probing;
    private long probeStart;
    private int probeAnswers;
    private long probeFastest;
    private long probeEnd;
    private long probeGap = MIN_PROBE_GAP_NANOS;

    /** What one round trip told. */
    enum Verdict {
        /** Nothing new. */
        NONE,
        /** A round queued and a probe confirmed it (or one did recently): the window is too large for the backend. */
        ROUND_QUEUED,
        /** A probe found the path longer than it was: what looked like a queue was distance. */
        PATH_LONGER
    }

    /**
     * Records the round trip of an answered request sent at {@code sentAt} while the window holds {@code window}.
     * Answers to requests sent before a probe started do not count in it. {@code pooled}: answered on a connection
     * that had answered before; only those are judged: an answer on a new connection includes connecting and TLS
     * (it would confirm a queue that is not there) or comes from a server that answers new connections first (it
     * would hide one).
     */
    Verdict onRoundTrip(long sentAt, long now, int window, boolean pooled) {
        if (!pooled) {
            return Verdict.NONE;
        }
        long rtt = Math.max(0, now - sentAt);
        if (probing) {
            return onProbeAnswer(sentAt, rtt, now);
        }
        if (!probedOnce && rtt < pathRtt) {
            pathRtt = rtt;
        }
        roundFastest = Math.min(roundFastest, rtt);
        if (++roundAnswers < window) {
            return Verdict.NONE;
        }
        boolean queued = queued(roundFastest);
        roundFastest = UNKNOWN;
        roundAnswers = 0;
        if (!queued) {
            return Verdict.NONE;
        }
        if (!probedOnce || now - probeEnd >= probeGap) {
            probing = true;
            probeStart = now;
            probeAnswers = 0;
            probeFastest = UNKNOWN;
            return Verdict.NONE;
        }
        return Verdict.ROUND_QUEUED;
    }

    private Verdict onProbeAnswer(long sentAt, long rtt, long now) {
        if (sentAt - probeStart < 0) {
            return Verdict.NONE; // sent before the probe: it queued behind the full window
        }
        probeFastest = Math.min(probeFastest, rtt);
        if (++probeAnswers < PROBE_REQUESTS) {
            return Verdict.NONE;
        }
        boolean longer = queued(probeFastest);
        probing = false;
        probedOnce = true;
        pathRtt = probeFastest;
        probeEnd = now;
        probeGap = longer ? MIN_PROBE_GAP_NANOS : Math.min(MAX_PROBE_GAP_NANOS, probeGap * 2);
        return longer ? Verdict.PATH_LONGER : Verdict.ROUND_QUEUED;
    }

    /**
     * A failed request (refused, reset, 5xx): the backend may have restarted, so a probe or round under way is
     * dropped. Answers after a restart come over new connections, which can be much faster (or slower) than pooled
     * ones: taken for the path's round trip they confirmed a queue that was distance.
     */
    void onFailure() {
        probing = false;
        roundFastest = UNKNOWN;
        roundAnswers = 0;
    }

    /** The path's round trip (nanos) as judged so far, or {@link #UNKNOWN}. */
    long pathRtt() {
        return pathRtt;
    }

    /** True while the path's round trip is measured again: the window then holds {@link #PROBE_REQUESTS}. */
    boolean probing() {
        return probing;
    }

    private boolean queued(long rtt) {
        return pathRtt != UNKNOWN && rtt - 2 * pathRtt > SLACK_NANOS;
    }
}
