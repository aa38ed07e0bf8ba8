package dev.seestack.benchmarks;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.OfferedLoad;
import dev.seestack.testkit.TestCertificates;
import java.time.Duration;
import java.util.Locale;

/**
 * The client side of one {@link LatencyRow}: a contender built against {@code url}, offering {@code rate} logs/s for
 * the window, then flushed and closed; {@code windowEnd} runs as the window closes (the server side reads its count
 * then). It runs in the report's JVM ({@code --jvm same}) or in a child JVM of its own ({@link LatencyChild}), and
 * knows nothing of servers or proxies. SeeStack is built through its public API with default settings.
 */
final class LatencyClient {
    /** How long a flush may take before the row is reported as it stands. */
    static final Duration FLUSH = Duration.ofSeconds(60);

    /**
     * {@code -Dbench.settleSeconds=S}: how long each SeeStack row's client runs at its rate before measuring, so the
     * row shows the steady state of a client that has been running, not the first seconds of a new one.
     */
    static final Duration SETTLE = Duration.ofMillis(
            (long) (Double.parseDouble(System.getProperty("bench.settleSeconds", "0")) * 1000));

    /**
     * What the client side saw. {@code captured} is what the SDK accepted (peers: what was offered); SDK threads
     * and their CPU are {@link SdkThreadCpu}'s, {@link LatencyRow#NONE} for peers.
     */
    record Figures(long offered, double seconds, long captured, long bufferDrops, long sdkCpuNanos, int sdkThreads) {
        private static final String PREFIX = "FIGURES";

        String line() {
            return String.format(Locale.ROOT, "%s %d %.6f %d %d %d %d", PREFIX, offered, seconds, captured,
                    bufferDrops, sdkCpuNanos, sdkThreads);
        }

        static boolean isLine(String line) {
            return line.startsWith(PREFIX + " ");
        }

        static Figures parse(String line) {
            String[] f = line.split(" ");
            return new Figures(Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Integer.parseInt(f[6]));
        }
    }

    private LatencyClient() {
    }

    /** Runs {@code proto} ({@code h1}, {@code h2}, {@code loki4j}, {@code sentry}) against {@code url}. */
    static Figures run(String proto, String url, String proxy, String trustStore, int rate, Duration window,
            Runnable windowEnd) throws Exception {
        return proto.startsWith("h") ? seestack(url, proxy, trustStore, rate, window, windowEnd)
                : peer(proto, url, rate, window, windowEnd);
    }

    private static Figures seestack(String url, String proxy, String trustStore, int rate, Duration window,
            Runnable windowEnd) {
        SeeStackConfig.Builder config = SeeStackConfig.builder(n -> null).apiKey("bench").host(url)
                .environment("bench").shutdownHook(false);
        if (proxy != null) {
            config.proxy(proxy);
        }
        if (url.startsWith("https")) {
            config.trustStore(trustStore).trustStorePassword(TestCertificates.PASSWORD);
        }
        SdkThreadCpu before = SdkThreadCpu.snapshot();
        SeeStackClient client = SeeStackClient.create(config.build());
        try {
            SdkThreadCpu cpuFrom = before;
            FeatureStats settled = client.stats().logs();
            if (!SETTLE.isZero()) {
                OfferedLoad.run(rate, SETTLE, i -> client.captureLog("info", "settle log " + i, null));
                client.flush(FLUSH);
                settled = client.stats().logs();
                cpuFrom = SdkThreadCpu.snapshot();
            }
            OfferedLoad.Offered offered = OfferedLoad.run(rate, window,
                    i -> client.captureLog("info", "row log " + i, null));
            windowEnd.run();
            SdkThreadCpu atWindowEnd = SdkThreadCpu.snapshot();
            client.flush(FLUSH);
            SdkThreadCpu after = SdkThreadCpu.snapshot();
            if (Boolean.getBoolean("bench.taskCpu")) {
                System.err.println(TaskCpu.line()); // every thread's CPU, the JVM's own, before the client's end
            }
            FeatureStats logs = client.stats().logs();
            return new Figures(offered.count(), offered.seconds(), logs.captured() - settled.captured(),
                    logs.droppedBufferFull() - settled.droppedBufferFull(), after.since(cpuFrom),
                    atWindowEnd.threadsStartedSince(before));
        } finally {
            client.close();
        }
    }

    /** A peer appender ({@code loki4j}, {@code sentry}) behind an SLF4J logger, with its Logback file. */
    private static Figures peer(String name, String url, int rate, Duration window, Runnable windowEnd)
            throws Exception {
        LogbackContender contender = new LogbackContender(name, null, url);
        OfferedLoad.Offered offered;
        try {
            offered = OfferedLoad.run(rate, window, i -> contender.logger.info("row log {}", i));
            windowEnd.run();
            if (name.equals("sentry")) {
                io.sentry.Sentry.flush(FLUSH.toMillis()); // its log batch and transport queue
            }
        } finally {
            contender.close(); // loki4j drains on stop
        }
        return new Figures(offered.count(), offered.seconds(), offered.count(), LatencyRow.NONE, LatencyRow.NONE,
                LatencyRow.NONE);
    }
}
