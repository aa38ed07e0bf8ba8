package dev.seestack.benchmarks;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.TestCertificates;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The SDK end to end, through its public API only so that it measures whatever engine the core has: a
 * {@code SeeStackClient} built the normal way with default settings (the test trust store added over https),
 * {@code captureLog} once per ticket, then {@code flush}. Delivered = the client's own {@code sent} count.
 *
 * <p>Unpaced (loopback), the caller keeps what is buffered under half of what the default buffer holds of these logs
 * (its items, or its bytes at ~1.2 KB of estimated heap each, seven metadata entries), so the phase measures
 * delivering logs, not dropping them: an application logging faster than its backend takes logs loses them
 * whatever the client costs. While it waits it looks every millisecond (~1 700 logs last ~90 ms at 20 000 logs/s):
 * looking every 50 µs woke the caller about once per request, a cost of the harness charged to the SDK.
 */
final class SdkContender implements CostContender {
    private static final Duration FLUSH = Duration.ofMinutes(2);
    private static final int MAX_PENDING = (int) Math.min(SeeStackConfig.DEFAULT_BUFFER_SIZE,
            SeeStackConfig.DEFAULT_BUFFER_BYTES / 1_200) / 2;
    private static final int CHECK_EVERY = 32;
    private static final long WAIT_NANOS = 1_000_000;
    private static final Map<String, Object> METADATA = Map.of("logger", "com.example.checkout.OrderService",
            "thread", "http-nio-8080-exec-7", "orderId", "1234", "customer", "42", "durationMs", 35,
            "service", "checkout", "traceId", "4bf92f3577b34da6a3ce929d0e0e4736");

    private final SeeStackClient client;

    SdkContender(Endpoint endpoint) {
        SeeStackConfig.Builder config = SeeStackConfig.builder(name -> null).apiKey("bench")
                .host(endpoint.base().toString()).environment("bench").shutdownHook(false);
        if (endpoint.https()) {
            config.trustStore(endpoint.trustStore().toString()).trustStorePassword(TestCertificates.PASSWORD);
        }
        this.client = SeeStackClient.create(config.build());
    }

    @Override
    public void deliver(RequestTickets tickets, Tally tally) {
        FeatureStats before = client.stats().logs();
        long offered = 0;
        while (tickets.take()) {
            if (!tickets.paced() && offered % CHECK_EVERY == 0) {
                while (client.stats().logs().pending() > MAX_PENDING) {
                    LockSupport.parkNanos(WAIT_NANOS);
                }
            }
            client.captureLog("info", "user 42 placed order 1234 in 35 ms", METADATA);
            offered++;
        }
        client.flush(FLUSH);
        long sent = client.stats().logs().sent() - before.sent();
        tally.add(sent, offered - sent);
    }

    @Override
    public void close() {
        client.close();
    }
}
