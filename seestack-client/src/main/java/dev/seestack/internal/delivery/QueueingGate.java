package dev.seestack.internal.delivery;

import java.util.concurrent.TimeUnit;

/**
 * Tells whether the requests in flight wait in a queue (at the backend, or for this machine's CPU) rather than on
 * the distance to the backend, from round trips: an answer that took longer than twice the path's round trip plus
 * {@link #SLACK_NANOS} queued (TCP Vegas's idea). More requests in flight then buy no throughput, only longer
 * queues, and on JDK 17's blocking sends a thread and a connection each. The path's round trip is the fastest
 * answer seen, confirmed by every answer within {@link #SLACK_NANOS} of it; when that is
 * {@link #PATH_RTT_LIFETIME_NANOS} old while answers queue, it is measured again with at
 * most {@link #PROBE_REQUESTS} in flight (BBR's probe), so a backend that moved further away counts as distance
 * within seconds and a queue of our own never becomes the reference. Guarded by the pipeline lock.
 */
final class QueueingGate {
    /**
     * Queueing tolerated beyond one more path round trip. On loopback (2 vCPUs, BENCHMARKS.md) 1 ms held JDK 25,
     * whose client does more per wake-up with more in flight, at 86-93 % of a plain JDK-client loop; 3 ms gave
     * JDK 17 89-98 % (median 93 %) and JDK 25 96-108 %; with 5 ms JDK 17 (a send thread per request) fell to 86 %.
     */
    static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(3);
    /** How long the fastest answer stands for the path while answers queue, before it is measured again. */
    static final long PATH_RTT_LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Requests in flight while the path's round trip is measured again. */
    static final int PROBE_REQUESTS = 4;
    private static final long UNKNOWN = Long.MAX_VALUE;

    private long pathRtt = UNKNOWN;
    private long pathRttAt;
    private long roundFastest = UNKNOWN;
    private int roundAnswers;
    private boolean probing;
    private long probeStart;
    private int probeAnswers;
    private long probeFastest;

    /** What one round trip told. */
    enum Verdict {
        /** Nothing new. */
        NONE,
        /** It ended a round of answers whose fastest still queued: the window is too large for the backend. */
        ROUND_QUEUED,
        /** It ended a probe that found the path longer than it was: what looked like a queue was distance. */
        PATH_LONGER
    }

    /**
     * Records the round trip of an answered request sent at {@code sentAt} (nanoTime of the pipeline's clock)
     * while the window holds {@code window}. Answers to requests sent before a probe started do not count in it.
     */
    Verdict onRoundTrip(long sentAt, long now, int window) {
        long rtt = Math.max(0, now - sentAt);
        if (probing) {
            if (sentAt - probeStart < 0) {
                return Verdict.NONE; // sent before the probe: it queued behind the full window
            }
            probeFastest = Math.min(probeFastest, rtt);
            if (++probeAnswers < PROBE_REQUESTS) {
                return Verdict.NONE;
            }
            boolean longer = queued(probeFastest);
            probing = false;
            pathRtt = probeFastest;
            pathRttAt = now;
            roundFastest = UNKNOWN;
            roundAnswers = 0;
            return longer ? Verdict.PATH_LONGER : Verdict.NONE;
        }
        if (rtt <= pathRtt) {
            pathRtt = rtt;
            pathRttAt = now;
        } else if (rtt - pathRtt <= SLACK_NANOS) {
            pathRttAt = now; // an answer at the path's pace confirms it: a long, steady path is never probed
        }
        roundFastest = Math.min(roundFastest, rtt);
        if (++roundAnswers < window) {
            return Verdict.NONE;
        }
        boolean queued = queued(roundFastest);
        roundFastest = UNKNOWN;
        roundAnswers = 0;
        return queued ? Verdict.ROUND_QUEUED : Verdict.NONE;
    }

    /**
     * Whether an answer that took {@code rttNanos} queued; starts a probe of the path when the path's figure is
     * stale, as a queue may as well be a longer path.
     */
    boolean queued(long rttNanos, long now) {
        boolean queued = queued(rttNanos);
        if (queued && !probing && now - pathRttAt > PATH_RTT_LIFETIME_NANOS) {
            probing = true;
            probeStart = now;
            probeAnswers = 0;
            probeFastest = UNKNOWN;
        }
        return queued;
    }

    /** True while the path's round trip is measured again: the window then holds {@link #PROBE_REQUESTS}. */
    boolean probing() {
        return probing;
    }

    private boolean queued(long rtt) {
        return pathRtt != UNKNOWN && rtt - 2 * pathRtt > SLACK_NANOS;
    }
}
