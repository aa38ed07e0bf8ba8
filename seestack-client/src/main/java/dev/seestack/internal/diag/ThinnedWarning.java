package dev.seestack.internal.diag;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts occurrences of one problem and says when to warn: on the 1st, 10th, 100th, 1000th… occurrence,
 * so a storm of drops yields a handful of lines instead of one per event.
 */
public final class ThinnedWarning {
    private final AtomicLong count = new AtomicLong();

    /** Records one occurrence; returns the running count when a warning is due, or 0. */
    public long record() {
        long n = count.incrementAndGet();
        return isPowerOfTen(n) ? n : 0;
    }

    public long count() {
        return count.get();
    }

    private static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
