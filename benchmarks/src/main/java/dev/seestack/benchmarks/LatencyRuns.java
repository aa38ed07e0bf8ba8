package dev.seestack.benchmarks;

import dev.seestack.testkit.DelayProxy;
import dev.seestack.testkit.ForwardProxy;
import dev.seestack.testkit.TestCertificates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The server side of one {@link LatencyRow}: a fresh delay proxy with the row's round trip in front of the server,
 * the row's client ({@link LatencyClient}) in this JVM or in a new one ({@link LatencyChild}), then the server's
 * count. Server and proxy stay in this process, so a child's process CPU is its client's alone.
 */
final class LatencyRuns {
    /**
     * {@code -Dbench.forwardProxy=true}: each SeeStack row's client sends through the test kit's forward proxy (its
     * {@code proxy} option; absolute-form for http, CONNECT for https), which connects to the delay proxy.
     */
    static final boolean VIA_FORWARD_PROXY = Boolean.getBoolean("bench.forwardProxy");

    /**
     * Where a row sends: the contender ({@code h1}, {@code h2}, {@code loki4j}, {@code sentry}), the server's scheme
     * and port, and how many records it has received (requests for SeeStack, peer records for peers).
     */
    record Target(String proto, String scheme, int port, LongSupplier received) {
        boolean peer() {
            return !proto.startsWith("h");
        }
    }

    /** Where a row's client runs ({@code same}: this JVM) and how long its child's warm-up row lasts (0: none). */
    record Jvm(String name, Duration warmup) {
    }

    private LatencyRuns() {
    }

    static LatencyRow row(Target target, Jvm jvm, long rttMs, int rate, Duration window) throws Exception {
        try (DelayProxy proxy = DelayProxy.to("127.0.0.1", target.port(), rttMs);
                ForwardProxy forward = VIA_FORWARD_PROXY && !target.peer() ? ForwardProxy.open() : null) {
            String url = target.scheme() + "://127.0.0.1:" + proxy.port();
            String direct = target.scheme() + "://127.0.0.1:" + target.port();
            String forwardUrl = forward == null ? null : "http://127.0.0.1:" + forward.port();
            String trust = target.scheme().equals("https") ? TestCertificates.get().trustStore().toString() : null;
            long[] received = new long[2]; // at the row's start, during the window
            received[0] = target.received().getAsLong();
            Runnable windowEnd = () -> received[1] = target.received().getAsLong() - received[0];
            LatencyClient.Figures figures;
            long processCpu = LatencyRow.NONE;
            int peakThreads = LatencyRow.NONE;
            if (jvm.name().equals("same")) {
                figures = LatencyClient.run(target.proto(), url, forwardUrl, trust, rate, window, windowEnd);
            } else {
                try (ChildJvm child = ChildJvm.start(System.getProperty("java.home") + "/bin/java", passedOn(),
                        LatencyChild.class, List.of(target.proto(), url, direct, dash(forwardUrl), dash(trust),
                                String.valueOf(rate), String.valueOf(window.toMillis()),
                                String.valueOf(jvm.warmup().toMillis())))) {
                    if (child.lineStartingWith(LatencyChild.ROW) == null) {
                        throw new IllegalStateException("the row's JVM ended early (see standard error)");
                    }
                    received[0] = target.received().getAsLong();
                    if (child.lineStartingWith(LatencyChild.WINDOW) == null) {
                        throw new IllegalStateException("the row's JVM ended early (see standard error)");
                    }
                    windowEnd.run();
                    figures = LatencyClient.Figures.parse(child.lineStartingWith("FIGURES"));
                    String[] process = child.lineStartingWith(LatencyChild.PROCESS).split(" ");
                    processCpu = Long.parseLong(process[1]);
                    peakThreads = Integer.parseInt(process[2]);
                }
            }
            long delivered = (target.peer() ? settled(target.received()) : target.received().getAsLong())
                    - received[0];
            return new LatencyRow(target.proto(), jvm.name(), rttMs, rate, received[1] / figures.seconds(),
                    figures.captured(), figures.bufferDrops(), percent(delivered, figures.captured()),
                    perLog(figures.sdkCpuNanos(), delivered), perLog(processCpu, delivered), proxy.connections(),
                    figures.sdkThreads(), peakThreads);
        }
    }

    /** The report's {@code bench.*} system properties, for a child JVM to see the same settings. */
    /**
     * The {@code bench.*} properties, and {@code -Dbench.childJvmFlags="-XX:... -XX:..."} as the child JVM's own flags
     * (space-separated: JFR, {@code -Xlog:jit+compilation=debug:file=jit.log}, a heap size) to profile a new JVM's
     * row; nothing that prints to the child's standard output, which carries its figures.
     */
    private static List<String> passedOn() {
        List<String> flags = new ArrayList<>();
        String own = System.getProperty("bench.childJvmFlags", "").trim();
        if (!own.isEmpty()) {
            flags.addAll(List.of(own.split("\\s+")));
        }
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("bench."))
                .forEach(n -> flags.add("-D" + n + "=" + System.getProperty(n)));
        return flags;
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    private static double perLog(long cpuNanos, long delivered) {
        return cpuNanos < 0 || delivered == 0 ? LatencyRow.NONE : (double) cpuNanos / delivered;
    }

    /** The value once it has not moved for a second (a peer still sending after its own flush), at most a minute. */
    private static long settled(LongSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + LatencyClient.FLUSH.toNanos();
        long last = value.getAsLong();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < 1_000_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = value.getAsLong();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
