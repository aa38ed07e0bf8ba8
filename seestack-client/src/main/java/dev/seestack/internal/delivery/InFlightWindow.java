package dev.seestack.internal.delivery;

/**
 * How many requests a pipeline keeps in flight: one more per answer while items wait (so it doubles each round
 * trip until throughput, {@code window / round trip}, meets the offered rate), halved on a failure, and one less
 * per window's worth of answers that found nothing waiting (it drifts back towards {@link #MIN} when idle).
 * Guarded by the pipeline lock.
 */
final class InFlightWindow {
    /** Bounds for HTTP/1.1 (one connection per request in flight): 2 000 logs/s at 50 ms needs 100, plus headroom
     * for the extra queueing of a busy machine (and 5 000 logs/s at 50 ms needs 250). */
    static final int MIN = 2;
    static final int MAX = 256;
    static final int INITIAL = 8;

    private final int min;
    private final int max;
    private int size;
    private int idleAnswers;
    /** Whether any request was answered yet: until then one at a time (see {@link #size}). */
    private boolean answered;

    InFlightWindow() {
        this(MIN, MAX, INITIAL);
    }

    InFlightWindow(int min, int max, int initial) {
        this.min = min;
        this.max = max;
        this.size = Math.max(min, Math.min(max, initial));
    }

    /**
     * Requests allowed in flight. One until the first successful answer: over TLS the JDK client opens one
     * connection per request sent before the first is up (eight TLS handshakes where HTTP/2 needs one), and a
     * backend that is down at start gets one request, not eight.
     */
    int size() {
        return answered ? size : 1;
    }

    /**
     * Adjusts for one answer: {@code failed} for a network failure, 429 or 5xx; {@code backlog} when the window
     * was full and work waits for room.
     */
    void onAnswer(boolean failed, boolean backlog) {
        answered |= !failed;
        if (failed) {
            size = Math.max(min, size / 2);
            idleAnswers = 0;
        } else if (backlog) {
            size = Math.min(max, size + 1);
            idleAnswers = 0;
        } else if (++idleAnswers >= size) {
            size = Math.max(min, size - 1);
            idleAnswers = 0;
        }
    }
}
