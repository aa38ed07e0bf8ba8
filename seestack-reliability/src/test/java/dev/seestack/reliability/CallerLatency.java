package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntConsumer;

/** Times logging calls on the caller's thread: the total and the worst single call. */
final class CallerLatency {
    /** Far below one network timeout (5 s): a call that waited on the network once would exceed it. */
    static final long MAX_TOTAL_MS = 2000;
    private static volatile long worstSeenNanos;

    final long totalNanos;
    final long worstNanos;

    private CallerLatency(long totalNanos, long worstNanos) {
        this.totalNanos = totalNanos;
        this.worstNanos = worstNanos;
    }

    /** Runs {@code call} for i = 0..n-1 on this thread and times it. */
    static CallerLatency measure(int n, IntConsumer call) {
        long worst = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.accept(i);
            worst = Math.max(worst, System.nanoTime() - t0);
        }
        CallerLatency l = new CallerLatency(System.nanoTime() - start, worst);
        worstSeenNanos = Math.max(worstSeenNanos, worst);
        return l;
    }

    /** Fails unless the calls together took less than {@link #MAX_TOTAL_MS}. */
    CallerLatency assertBounded(String what) {
        System.out.println("LATENCY " + what + ": " + this);
        assertTrue(totalNanos / 1_000_000 < MAX_TOTAL_MS, what + ": logging calls took " + this);
        return this;
    }

    /** The worst single call measured in this JVM so far, in microseconds (reported in RELIABILITY.md). */
    static long worstSeenMicros() {
        return worstSeenNanos / 1000;
    }

    @Override
    public String toString() {
        return "total " + totalNanos / 1_000_000 + " ms, worst call " + worstNanos / 1000 + " µs";
    }
}
