package dev.seestack.benchmarks;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import dev.seestack.testkit.DelayProxy;
import dev.seestack.testkit.ForwardProxy;
import dev.seestack.testkit.OfferedLoad;
import dev.seestack.testkit.TestCertificates;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Runs one {@link LatencyRow}: a fresh delay proxy with the row's round trip in front of the server, a fresh
 * contender sending through it at the offered rate for the window, then a final flush. SeeStack runs with its
 * default settings (only the test trust store added for https); the peers with the caller-cost benchmark's
 * Logback files ({@code bench/loki4j.xml}, {@code bench/sentry.xml}).
 */
final class LatencyRuns {
    /** How long a flush may take before the row is reported as it stands. */
    private static final Duration FLUSH = Duration.ofSeconds(60);

    /** Where SeeStack rows send: the server's port and scheme, and how many log requests it has received. */
    record Target(String proto, String scheme, int port, LongSupplier received) {
    }

    private LatencyRuns() {
    }

    /** A SeeStack client (HTTP/1.1 or, over https, HTTP/2) delivering {@code rate} logs/s across {@code rttMs}. */
    /** {@code -Dbench.settleSeconds=S}: how long each SeeStack row's client runs at its rate before measuring. */
    static final Duration SETTLE = Duration.ofMillis(
            (long) (Double.parseDouble(System.getProperty("bench.settleSeconds", "0")) * 1000));

    /**
     * {@code -Dbench.forwardProxy=true}: each SeeStack row's client sends through the test kit's forward proxy
     * (its {@code proxy} option; absolute-form for http, CONNECT for https), which connects to the delay proxy.
     */
    static final boolean VIA_FORWARD_PROXY = Boolean.getBoolean("bench.forwardProxy");

    static LatencyRow seestack(Target target, long rttMs, int rate, Duration window) {
        try (DelayProxy proxy = DelayProxy.to("127.0.0.1", target.port(), rttMs);
                ForwardProxy forward = VIA_FORWARD_PROXY ? ForwardProxy.open() : null) {
            SeeStackConfig.Builder config = SeeStackConfig.builder(n -> null).apiKey("bench")
                    .host(target.scheme() + "://127.0.0.1:" + proxy.port()).environment("bench");
            if (forward != null) {
                config.proxy("http://127.0.0.1:" + forward.port());
            }
            if (target.scheme().equals("https")) {
                config.trustStore(TestCertificates.get().trustStore().toString())
                        .trustStorePassword(TestCertificates.PASSWORD);
            }
            SdkThreadCpu before = SdkThreadCpu.snapshot();
            SeeStackClient client = ClientAccess.create(config.build(), ClientComponents.defaults().shutdownHook(false));
            try {
                SdkThreadCpu cpuFrom = before;
                FeatureStats settled = client.stats().logs();
                if (!SETTLE.isZero()) {
                    // the same client first runs at the row's rate, unmeasured: the row then shows the steady state
                    // of a client that has been running, not the first second of a new one
                    OfferedLoad.run(rate, SETTLE, i -> client.captureLog("info", "settle log " + i, null));
                    client.flush(FLUSH);
                    settled = client.stats().logs();
                    cpuFrom = SdkThreadCpu.snapshot();
                }
                long received0 = target.received().getAsLong();
                OfferedLoad.Offered offered = OfferedLoad.run(rate, window,
                        i -> client.captureLog("info", "row log " + i, null));
                long inWindow = target.received().getAsLong() - received0;
                SdkThreadCpu atWindowEnd = SdkThreadCpu.snapshot();
                client.flush(FLUSH);
                SdkThreadCpu after = SdkThreadCpu.snapshot();
                long delivered = target.received().getAsLong() - received0;
                FeatureStats logs = client.stats().logs();
                long captured = logs.captured() - settled.captured();
                return new LatencyRow(target.proto(), rttMs, rate, inWindow / offered.seconds(), captured,
                        logs.droppedBufferFull() - settled.droppedBufferFull(), percent(delivered, captured),
                        delivered == 0 ? LatencyRow.NONE : (double) after.since(cpuFrom) / delivered,
                        proxy.connections(), atWindowEnd.threadsStartedSince(before));
            } finally {
                client.close();
            }
        }
    }

    /** A peer appender ({@code loki4j}, {@code sentry}) behind the same SLF4J logger, through the same proxy. */
    static LatencyRow peer(String name, CountingServer server, long rttMs, int rate, Duration window)
            throws Exception {
        try (DelayProxy proxy = DelayProxy.to("127.0.0.1", LatencyReport.port(server.url()), rttMs)) {
            long received0 = server.peerRecords();
            LogbackContender contender = new LogbackContender(name, server, "http://127.0.0.1:" + proxy.port());
            OfferedLoad.Offered offered;
            long inWindow;
            try {
                offered = OfferedLoad.run(rate, window, i -> contender.logger.info("row log {}", i));
                inWindow = server.peerRecords() - received0;
                if (name.equals("sentry")) {
                    io.sentry.Sentry.flush(FLUSH.toMillis()); // its log batch and transport queue
                }
            } finally {
                contender.close(); // loki4j drains on stop
            }
            long delivered = settled(server::peerRecords) - received0;
            return new LatencyRow(name, rttMs, rate, inWindow / offered.seconds(), offered.count(), LatencyRow.NONE,
                    percent(delivered, offered.count()), LatencyRow.NONE, proxy.connections(), LatencyRow.NONE);
        }
    }

    /** The value once it has not moved for a second (a peer still sending after its own flush), at most a minute. */
    private static long settled(LongSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + FLUSH.toNanos();
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
