package dev.seestack.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the threads that deliver for the SDK: its own ({@code seestack-*}, which include the HTTP client's
 * executor {@code seestack-http-*}) and the JDK HTTP client's selector ({@code HttpClient-*}). A snapshot keeps
 * each live thread's CPU time so that {@link #since} counts only what was used after it (threads that end between
 * the two are lost: take the second snapshot before closing the client).
 */
final class SdkThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> cpuNanosById;

    private SdkThreadCpu(Map<Long, Long> cpuNanosById) {
        this.cpuNanosById = cpuNanosById;
    }

    /** The SDK's live threads and their CPU time now. */
    static SdkThreadCpu snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && isSdkThread(t.getName())) {
                cpu.put(t.getId(), Math.max(0, THREADS.getThreadCpuTime(t.getId())));
            }
        }
        return new SdkThreadCpu(cpu);
    }

    static boolean isSdkThread(String name) {
        return name.startsWith("seestack-") || name.startsWith("HttpClient-");
    }

    /**
     * SDK threads live at this snapshot that were not at {@code earlier}: one client's threads, without those an
     * earlier, closed client left behind (before JDK 21 an HTTP client's selector thread ends only once collected).
     */
    int threadsStartedSince(SdkThreadCpu earlier) {
        return (int) cpuNanosById.keySet().stream().filter(id -> !earlier.cpuNanosById.containsKey(id)).count();
    }

    /** CPU nanoseconds the SDK's threads used between {@code earlier} and this snapshot. */
    long since(SdkThreadCpu earlier) {
        long total = 0;
        for (Map.Entry<Long, Long> e : cpuNanosById.entrySet()) {
            total += e.getValue() - earlier.cpuNanosById.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }
}
