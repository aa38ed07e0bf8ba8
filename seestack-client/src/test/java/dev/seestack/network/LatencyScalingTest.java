package dev.seestack.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.FeatureStats;
import dev.seestack.RecordingSink;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientComponents;
import dev.seestack.testkit.ContractSchemas;
import dev.seestack.testkit.DelayProxy;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.OfferedLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests in flight grow with the backlog, so a distant backend costs no logs (counts asserted, not time).
 * A first second of logs warms the JIT up (on 2 cores the JDK client's first seconds are several times slower
 * than its steady state); drops and deliveries are then asserted for the three seconds that follow.
 */
@Timeout(120)
class LatencyScalingTest {
    @Test
    void aThousandLogsPerSecondAcross50msOfRoundTripAreAllDeliveredWithoutDrops() {
        int perSecond = 1000;
        int seconds = 3;
        RecordingSink sink = new RecordingSink();
        // a lean backend (WireMock's journal and matching would cost more CPU than the client under test)
        try (ScriptedHttpServer backend = ScriptedHttpServer.onLoopback(
                    r -> ScriptedHttpServer.Answer.keepOpen("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
                DelayProxy far = DelayProxy.to("127.0.0.1", backend.port(), 50)) {
            SeeStackClient client = dev.seestack.internal.ClientAccess.create(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY)
                    .host("http://127.0.0.1:" + far.port()).environment("test")
                    // one second of logs: eight fixed senders at 50 ms (160 logs/s) would drop most of them
                    .bufferSize(perSecond).build(),
                    ClientComponents.defaults().diagnosticSink(sink).shutdownHook(false));
            try {
                offer(client, perSecond, 1, "warm-up ");
                assertTrue(client.flush(Duration.ofSeconds(60)), client.stats().toString());
                FeatureStats warm = client.stats().logs();
                int warmRequests = backend.requests().size();

                offer(client, perSecond, seconds, "far ");
                assertTrue(client.flush(Duration.ofSeconds(60)), client.stats().toString());
                FeatureStats logs = client.stats().logs();
                assertEquals(perSecond * seconds, logs.captured() - warm.captured());
                assertEquals(0, logs.droppedBufferFull() - warm.droppedBufferFull(), logs.toString());
                assertEquals(perSecond * seconds, logs.sent() - warm.sent(), logs.toString());
                assertEquals(perSecond * seconds, backend.requests().size() - warmRequests);
                for (ScriptedHttpServer.Request r : backend.requests()) {
                    assertEquals("POST " + IngestStub.LOGS + " HTTP/1.1", r.head().get(0));
                    ContractSchemas.assertValid(IngestStub.LOGS, r.body());
                }
                System.out.println("LATENCY 50ms RTT: " + logs + ", connections through the delay proxy: "
                        + far.connections());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void overHttp11ItOpensOnlyTheConnectionsThatTheOfferedRateNeedsAcrossTheRoundTrip() {
        int perSecond = 1000;
        int rttMs = 50;
        try (ScriptedHttpServer backend = ScriptedHttpServer.onLoopback(
                    r -> ScriptedHttpServer.Answer.keepOpen("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
                DelayProxy far = DelayProxy.to("127.0.0.1", backend.port(), rttMs)) {
            // the JIT warmed on loopback by a client of its own: the one across the round trip starts from nothing
            SeeStackClient near = defaultClient("http://127.0.0.1:" + backend.port());
            offer(near, perSecond, 1, "warm-up ");
            assertTrue(near.flush(Duration.ofSeconds(60)), near.stats().toString());
            near.close();
            SeeStackClient client = defaultClient("http://127.0.0.1:" + far.port());
            try {
                offer(client, perSecond, 3, "far ");
                assertTrue(client.flush(Duration.ofSeconds(60)), client.stats().toString());
                FeatureStats logs = client.stats().logs();
                assertEquals(3 * perSecond, logs.sent(), logs.toString());
                // 50 in flight carry 1 000 logs/s across 50 ms: the window's bound would open 256. A quiet machine
                // opens 114-118 (the window's need with its start-up backlog, and connections replaced while it grows)
                int allowed = perSecond * rttMs / 1000 * 5 / 2 + 16;
                assertTrue(far.connections() <= allowed, far.connections() + " connections opened, " + allowed
                        + " allowed");
            } finally {
                client.close();
            }
            for (ScriptedHttpServer.Request r : backend.requests()) {
                ContractSchemas.assertValid(IngestStub.LOGS, r.body());
            }
        }
    }

    private static SeeStackClient defaultClient(String host) {
        return dev.seestack.internal.ClientAccess.create(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY)
                .host(host).environment("test").build(),
                ClientComponents.defaults().diagnosticSink(new RecordingSink()).shutdownHook(false));
    }

    /** Offers {@code perSecond} logs a second for {@code seconds}, at a steady rate as a busy service logs. */
    private static void offer(SeeStackClient client, int perSecond, int seconds, String prefix) {
        OfferedLoad.run(perSecond, Duration.ofSeconds(seconds), i -> client.captureLog("info", prefix + i, null));
    }
}
