package dev.seestack.benchmarks;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * End-to-end delivery: offers logs to a real client at a fixed rate (or flat out) for a while and reports
 * what the counting server received per second, the drops, and send-to-receipt latency percentiles.
 */
public final class DeliveryThroughput {
    /** One measured row. */
    public static final class Result {
        public final String offered;
        public final double deliveredPerSecond;
        public final long captured;
        public final long dropped;
        public final Histogram latencyMicros;

        Result(String offered, double deliveredPerSecond, long captured, long dropped, Histogram latencyMicros) {
            this.offered = offered;
            this.deliveredPerSecond = deliveredPerSecond;
            this.captured = captured;
            this.dropped = dropped;
            this.latencyMicros = latencyMicros;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %d | %d | %d |", offered, deliveredPerSecond,
                    captured, dropped, latencyMicros.getValueAtPercentile(50) / 1000,
                    latencyMicros.getValueAtPercentile(99) / 1000, latencyMicros.getMaxValue() / 1000);
        }
    }

    private DeliveryThroughput() {
    }

    /**
     * Offers logs at {@code ratePerSecond} (0 = flat out) for {@code duration}, then flushes and measures.
     */
    public static Result run(CountingServer server, int ratePerSecond, Duration duration, int senderThreads) {
        return run(server, ratePerSecond, duration, senderThreads, "default");
    }

    /** As above with a named transport: {@code default} or {@code jdk}. */
    public static Result run(CountingServer server, int ratePerSecond, Duration duration, int senderThreads,
            String transport) {
        SeeStackConfig config = SeeStackConfig.builder(n -> null).apiKey("bench").host(server.url())
                .environment("bench").build();
        ClientComponents components = ClientComponents.defaults().senderThreads(senderThreads).shutdownHook(false);
        if (transport.equals("jdk")) {
            components.transport(c -> new dev.seestack.internal.transport.NettyTransport(c.host(), c.apiKey()));
        }
        try (SeeStackClient client = ClientAccess.create(config, components)) {
            server.takeLatencies();
            long before = server.requests();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long intervalNanos = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
            long next = start;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                if (intervalNanos > 0 && now < next) {
                    LockSupport.parkNanos(Math.min(next - now, 200_000));
                    continue;
                }
                client.captureLog("info", "t" + System.nanoTime(), null);
                next += intervalNanos;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long deliveredInWindow = server.requests() - before;
            client.flush(Duration.ofSeconds(30));
            FeatureStats logs = client.stats().logs();
            return new Result(ratePerSecond == 0 ? "flat out" : String.valueOf(ratePerSecond),
                    deliveredInWindow / seconds, logs.captured(),
                    logs.droppedBufferFull() + logs.droppedAfterRetries(), server.takeLatencies());
        }
    }
}
