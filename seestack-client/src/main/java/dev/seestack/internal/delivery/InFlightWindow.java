package dev.seestack.internal.delivery;

import java.util.concurrent.TimeUnit;

/**
 * How many requests a pipeline keeps in flight: while it is full and work waits, each answer adds as many as
 * wait, at most doubling it (a deep backlog reaches the bound within one round trip; a slight one grows it by
 * one per answer, doubling per round trip); halved on a failure, after which it grows by one per answer only;
 * one less per window's worth of answers that found nothing waiting (it drifts back towards {@link #MIN} when
 * idle). A round of answers that queued (see {@link QueueingGate}: judged per round, never on one answer) takes a
 * quarter off, after which it grows by an eighth per round (at least one) until a failure or a probe that finds the
 * path longer.
 * It never grows past what the offered rate and the backlog need across the path ({@link #needed}), and an
 * answer on a new connection adds at most one. Guarded by the pipeline lock.
 */
final class InFlightWindow {
    /** Bounds for HTTP/1.1 (one connection per request in flight): 2 000 logs/s at 50 ms needs 100, plus headroom
     * for the extra queueing of a busy machine (and 5 000 logs/s at 50 ms needs 250). */
    static final int MIN = 2;
    static final int MAX = 256;
    static final int INITIAL = 8;
    /** The bound over HTTP/2, where requests in flight are streams of one connection: 5 000 logs/s at 50 ms. */
    static final int MAX_STREAMS = 512;
    /** For {@link #onAnswer}: an answer whose round trip says nothing of the path (a network failure). */
    static final long UNTIMED = Long.MIN_VALUE;
    /** Shortest span over which the offered rate is measured after the first (a batch released at once is no rate). */
    static final long RATE_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long UNKNOWN = -1;

    private final int min;
    private int max;
    private int size;
    private int idleAnswers;
    /** Whether any request was answered yet: until then one at a time (see {@link #size}). */
    private boolean answered;
    /** Below this the window may double per answer; set to the halved size by a failure, as TCP's ssthresh. */
    private int fastGrowthBelow;
    private final QueueingGate queueing = new QueueingGate();
    /** Set once a whole round queued: the backend's queue, not the distance, is the limit; grows an eighth a round. */
    private boolean queueLimited;
    private int roundGrowthCredit;
    /** The fastest timed answer, nanos, until the queueing gate knows the path; {@link #UNKNOWN} before the first. */
    private long fastestRtt = UNKNOWN;
    /** Items offered per second, the mean of the last two samples; {@link #UNKNOWN} before the first. */
    private double offeredRate = UNKNOWN;
    private double previousSampleRate = UNKNOWN;
    private long sampleStart = UNKNOWN;
    private long offeredAtSampleStart;

    InFlightWindow() {
        this(MIN, MAX, INITIAL);
    }

    InFlightWindow(int min, int max, int initial) {
        this.min = min;
        this.max = max;
        this.size = Math.max(min, Math.min(max, initial));
        this.fastGrowthBelow = max;
    }

    /**
     * Requests allowed in flight. One until the first successful answer: over TLS the JDK client opens one
     * connection per request sent before the first is up (eight TLS handshakes where HTTP/2 needs one), and a
     * backend that is down at start gets one request, not eight.
     */
    int size() {
        if (!answered) {
            return 1;
        }
        return queueing.probing() ? Math.min(size, QueueingGate.PROBE_REQUESTS) : size;
    }

    /** Raises the bound to {@link #MAX_STREAMS} once answers come over HTTP/2 (never lowers a larger one). */
    void multiplexed() {
        if (fastGrowthBelow >= max) {
            fastGrowthBelow = Math.max(max, MAX_STREAMS); // no failure yet: fast growth up to the new bound
        }
        max = Math.max(max, MAX_STREAMS);
    }

    /**
     * Counts what the pipeline was offered: {@code total} items captured so far, at {@code now} (nanoTime of the
     * pipeline's clock). Called with each dispatch and each answer: the first sample runs from the first dispatch to
     * the first answer, the next ones over {@link #RATE_SAMPLE_NANOS} at least; the rate bounds the growth.
     */
    void offered(long total, long now) {
        if (sampleStart == UNKNOWN) {
            sampleStart = now;
            // what waited for the first dispatch is offered too: a backlog captured at once must not read as no load
            offeredAtSampleStart = 0;
            return;
        }
        long span = now - sampleStart;
        if (span <= 0 || span < RATE_SAMPLE_NANOS && offeredRate != UNKNOWN) {
            return;
        }
        double rate = (total - offeredAtSampleStart) * 1e9 / span;
        offeredRate = previousSampleRate == UNKNOWN ? rate : (rate + previousSampleRate) / 2;
        previousSampleRate = rate;
        sampleStart = now;
        offeredAtSampleStart = total;
    }

    /**
     * Requests in flight that the offered load needs across the path's base round trip plus the queueing gate's
     * slack, with the {@code waiting} backlog drained within a second on top (Little's law, a quarter more, plus
     * {@link #INITIAL}): past it, answers only queue
     * behind each other (a busy or cold client, a busy backend) and HTTP/1.1 opens connections that then sit idle.
     * The bound while the rate or the round trip is not known yet.
     */
    int needed(long waiting) {
        double carrying = carrying(waiting);
        return carrying < 0 ? max : (int) Math.min(max, Math.ceil(carrying * 5 / 4) + INITIAL);
    }

    /**
     * Requests in flight that carry the offered rate, plus {@code waiting} items a second, across the path's base
     * round trip plus the gate's slack, with nothing to spare; negative while the rate or the round trip is unknown.
     */
    private double carrying(long waiting) {
        long path = queueing.pathRtt();
        long base = path != QueueingGate.UNKNOWN ? path : fastestRtt;
        if (offeredRate == UNKNOWN || base == UNKNOWN) {
            return -1;
        }
        // the gate's slack too: on loopback the fastest answer (a fraction of a millisecond) is no round trip to go by
        // a burst (a backlog waiting) is load too: without it the window stayed near 8 while 1 500 items waited
        return (offeredRate + waiting) * (base + QueueingGate.SLACK_NANOS) / 1e9;
    }

    /** As {@link #onAnswer(boolean, long, long, long, boolean)} for an answer on a pooled connection. */
    void onAnswer(boolean failed, long waiting, long sentAt, long now) {
        onAnswer(failed, waiting, sentAt, now, true);
    }

    /**
     * Adjusts for one answer: {@code failed} for a network failure, 429 or 5xx; {@code waiting}: the items
     * waiting for room when the window was full (0 when it had room or nothing waited); {@code sentAt} and
     * {@code now}: when its request went out and when the answer came (nanoTime of the pipeline's clock), or
     * {@code sentAt} {@link #UNTIMED}; {@code pooled}: it came on a connection that had answered before (only
     * those are judged for queueing, see {@link QueueingGate}).
     */
    void onAnswer(boolean failed, long waiting, long sentAt, long now, boolean pooled) {
        answered |= !failed;
        if (sentAt != UNTIMED) {
            long rtt = Math.max(0, now - sentAt);
            fastestRtt = fastestRtt == UNKNOWN ? rtt : Math.min(fastestRtt, rtt);
            QueueingGate.Verdict verdict = queueing.onRoundTrip(sentAt, now, size, pooled);
            if (verdict == QueueingGate.Verdict.ROUND_QUEUED) {
                // too many in flight, but not below the initial size (which any backend takes) nor below what
                // carries the offered rate: a client slowed by its own CPU (a cold JIT, a busy machine) looks like a
                // queue too, and cutting below that only fills its buffer. From now on probe upwards by an eighth
                // per round, as TCP Vegas by one: one fast answer doubling it would queue it again
                int floor = (int) Math.max(INITIAL, Math.ceil(carrying(0)));
                size = Math.max(Math.min(size, floor), size - size / 4);
                queueLimited = true;
                roundGrowthCredit = 0;
            } else if (verdict == QueueingGate.Verdict.PATH_LONGER) {
                queueLimited = false;
                fastGrowthBelow = max;
            }
        }
        if (failed) {
            queueing.onFailure();
            size = Math.max(min, size / 2);
            fastGrowthBelow = size;
            idleAnswers = 0;
            // the backend (or the path) changed: a queue seen before the failure says nothing of the one after
            queueLimited = false;
        } else if (waiting > 0) {
            if (!queueing.probing()) {
                // at 50 ms a 2 000 logs/s burst fills a 500-item buffer in 250 ms: growing by one per answer (8
                // to 128 takes four round trips) dropped ~200 logs at every start; the backlog's size says how far
                // behind. After a failure, one per answer: the backend (or the path) said it had enough
                long step = queueLimited ? roundStep() : size < fastGrowthBelow ? Math.min(size, waiting) : 1;
                if (!pooled) {
                    // connecting (and a cold client's first requests) slowed it: doubling per answer on such times
                    // opened the bound's worth of connections before one answer told the path's round trip
                    step = Math.min(step, 1);
                }
                // never past what the offered load needs, but never shrunk by that bound either
                size = (int) Math.max(size, Math.min(Math.min(max, needed(waiting)), size + step));
            }
            idleAnswers = 0;
        } else if (++idleAnswers >= size) {
            size = Math.max(min, size - 1);
            idleAnswers = 0;
        }
    }

    /**
     * An eighth more (at least one) per window's worth of answers. The gate's threshold, not this step, bounds the
     * queue a backend holds; one per round took a 300-request window ~4 s to regrow the quarter that a cold client's
     * slow rounds had cut, while 5 000 logs/s overflowed its buffer.
     */
    private int roundStep() {
        if (++roundGrowthCredit < size) {
            return 0;
        }
        roundGrowthCredit = 0;
        return Math.max(1, size / 8);
    }
}
