package dev.seestack.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The threads a contender adds to its JVM: the JVM's peak thread count above the count when the census began
 * ({@code ThreadMXBean}: JIT and GC workers are not Java threads and are not counted), and the most SDK threads
 * ({@code seestack-*}) seen alive at once in the samples the phases take.
 */
final class ThreadCensus {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int baseline;
    private int sdkPeak;

    ThreadCensus() {
        THREADS.resetPeakThreadCount();
        this.baseline = THREADS.getThreadCount();
    }

    /** Counts the live SDK threads now (cheap enough for every couple of thousand requests: no stack traces). */
    synchronized void sample() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] live = new Thread[root.activeCount() + 16];
        int n = root.enumerate(live, true);
        int sdk = 0;
        for (int i = 0; i < n; i++) {
            if (live[i].getName().startsWith(dev.seestack.testkit.SdkThreads.PREFIX)) {
                sdk++;
            }
        }
        sdkPeak = Math.max(sdkPeak, sdk);
    }

    /** Threads at the JVM's peak beyond those alive when the census began. */
    int peakAdded() {
        return Math.max(0, THREADS.getPeakThreadCount() - baseline);
    }

    synchronized int sdkPeak() {
        return sdkPeak;
    }
}
