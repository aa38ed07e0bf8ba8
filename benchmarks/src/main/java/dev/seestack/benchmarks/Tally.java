package dev.seestack.benchmarks;

import java.util.concurrent.atomic.LongAdder;

/** Answers of one phase: requests answered 2xx, and requests that failed or were answered otherwise. */
final class Tally {
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void count(boolean ok) {
        (ok ? delivered : failed).increment();
    }

    void add(long deliveredCount, long failedCount) {
        delivered.add(deliveredCount);
        failed.add(failedCount);
    }

    long delivered() {
        return delivered.sum();
    }

    long failed() {
        return failed.sum();
    }
}
