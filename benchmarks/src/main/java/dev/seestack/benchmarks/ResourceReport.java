package dev.seestack.benchmarks;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The resource rows of BENCHMARKS.md: heap retained with every buffer full at default settings (1–5 KB
 * events, backend blackholed), idle CPU of the SDK's threads, and HTTP-telemetry items per second in
 * batches of 100. Usage: {@code java -cp benchmarks.jar dev.seestack.benchmarks.ResourceReport [idleSeconds]}.
 */
public final class ResourceReport {
    private ResourceReport() {
    }

    public static void main(String[] args) throws Exception {
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.out.printf(Locale.ROOT, "heap retained with full buffers (defaults, 1-5 KB events): %.1f MB%n",
                heapAtFullBuffersMb());
        System.out.printf(Locale.ROOT, "idle CPU of seestack-* threads over %d s: %.3f %% of one core%n", idleSeconds,
                idleCpuPercent(idleSeconds));
        try (CountingServer server = CountingServer.start(4)) {
            System.out.printf(Locale.ROOT, "HTTP telemetry delivered: %.0f items/s (batches of 100)%n",
                    httpItemsPerSecond(server, Duration.ofSeconds(Math.min(idleSeconds, 10))));
        }
    }

    /** Fills all four buffers (default size 500) while the backend never answers; returns retained MB. */
    static double heapAtFullBuffersMb() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket blackhole = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(blackhole.accept());
                    }
                } catch (Exception closed) {
                    // done
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long before = usedHeapAfterGc();
            SeeStackClient client = ClientAccess.create(SeeStackConfig.builder(n -> null).apiKey("bench")
                    .host("http://127.0.0.1:" + blackhole.getLocalPort()).environment("bench")
                    .projectId("5f0c6a5e-0000-4000-8000-000000000001").build(),
                    ClientComponents.defaults().shutdownHook(false));
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 2000; i++) {
                String text = "x".repeat(1000 + random.nextInt(4000));
                client.captureLog("info", "log " + i + " " + text, Map.of("payload", text.substring(0, 500)));
                client.captureError(new IllegalStateException("error " + i + " " + text));
                client.captureHttpRequest(HttpRequestEvent.builder().method("GET").host("shop.example.com")
                        .path("/orders/" + i + "/" + text.substring(0, 1000)).statusCode(200).durationMs(12)
                        .timestamp(Instant.now()).build());
            }
            long after = usedHeapAfterGc();
            double mb = (after - before) / 1e6;
            client.close();
            for (Socket s : held) {
                s.close();
            }
            return mb;
        }
    }

    /** CPU time used by seestack-* threads of an idle client over {@code seconds}, as % of one core. */
    static double idleCpuPercent(int seconds) throws Exception {
        try (CountingServer server = CountingServer.start(2);
                SeeStackClient client = ClientAccess.create(SeeStackConfig.builder(n -> null).apiKey("bench")
                        .host(server.url()).environment("bench").build(), ClientComponents.defaults())) {
            client.captureLog("info", "one log so every thread has started", null);
            client.flush();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuBefore = sdkCpuNanos(threads);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu = sdkCpuNanos(threads) - cpuBefore;
            return 100.0 * cpu / (System.nanoTime() - start);
        }
    }

    private static long sdkCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("seestack-")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    /** HTTP items captured flat out for {@code window}; items per second the server received. */
    static double httpItemsPerSecond(CountingServer server, Duration window) {
        try (SeeStackClient client = ClientAccess.create(SeeStackConfig.builder(n -> null).apiKey("bench")
                .host(server.url()).environment("bench").projectId("5f0c6a5e-0000-4000-8000-000000000001").build(),
                ClientComponents.defaults().shutdownHook(false))) {
            long before = server.items();
            long start = System.nanoTime();
            long end = start + window.toNanos();
            int i = 0;
            while (System.nanoTime() < end) {
                client.captureHttpRequest(HttpRequestEvent.builder().method("POST").host("shop.example.com")
                        .path("/orders/" + (i++ % 1000)).statusCode(201).durationMs(7).requestSize(512)
                        .responseSize(128).traceId("4bf92f3577b34da6a3ce929d0e0e4736").build());
                if ((i & 63) == 0) {
                    Thread.onSpinWait();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return (server.items() - before) / seconds;
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }
}
