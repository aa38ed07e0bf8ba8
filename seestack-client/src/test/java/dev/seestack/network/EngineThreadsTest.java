package dev.seestack.network;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.transport.HttpEngine;
import dev.seestack.internal.transport.NettyTransport;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What delivery costs in threads and connections: a fixed handful of SDK threads whatever the number of requests
 * in flight, pooled connections closed once idle for 30 s (on the client's clock), and nothing left after close.
 */
@Timeout(60)
class EngineThreadsTest {
    /** The SDK's thread budget per client with the spool off (issue: lean delivery). */
    private static final int MAX_SDK_THREADS = 6;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private final RecordingSink sink = new RecordingSink();

    private SeeStackClient client(ClientComponents components) {
        return ClientAccess.create(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY).host(stub.host())
                .environment("test").bufferSize(2_000).build(), components.diagnosticSink(sink).shutdownHook(false));
    }

    private static HttpEngine engine(SeeStackClient client) {
        return ClientAccess.core(client).httpEngine();
    }

    private static void slowAnswers() {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1)
                .willReturn(aResponse().withStatus(202).withFixedDelay(100)));
    }

    @Test
    void aBurstWithManyRequestsInFlightRunsOnAtMostSixSdkThreads() {
        slowAnswers();
        Set<Thread> before = SdkThreads.live();
        int peakThreads = 0;
        int peakConnections = 0;
        try (SeeStackClient client = client(ClientComponents.defaults())) {
            for (int i = 0; i < 1_500; i++) {
                client.captureLog("info", "burst " + i, null);
                if (i % 50 == 0) {
                    peakThreads = Math.max(peakThreads, SdkThreads.startedSince(before).size());
                    peakConnections = Math.max(peakConnections, engine(client).connections());
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (client.stats().logs().sent() < 1_500 && System.nanoTime() < deadline) {
                peakThreads = Math.max(peakThreads, SdkThreads.startedSince(before).size());
                peakConnections = Math.max(peakConnections, engine(client).connections());
                Thread.onSpinWait();
            }
            assertTrue(client.flush(Duration.ofSeconds(30)), client.stats().toString());
            assertEquals(1_500, client.stats().logs().sent(), client.stats().toString());
            assertTrue(peakConnections >= 16, "many requests were in flight: " + peakConnections + " connections");
            assertTrue(peakThreads <= MAX_SDK_THREADS, "SDK threads at peak: " + peakThreads + " "
                    + SdkThreads.names());
            int idleThreads = SdkThreads.startedSince(before).size();
            assertTrue(idleThreads <= MAX_SDK_THREADS, "SDK threads once idle: " + SdkThreads.names());
        }
        stub.assertAllBodiesValid();
    }

    @Test
    void anIdleClientClosesItsPooledConnectionsAfterThirtySecondsOnItsClock() {
        slowAnswers();
        ManualScheduler time = new ManualScheduler();
        try (SeeStackClient client = client(ClientComponents.defaults().scheduler(() -> time))) {
            for (int i = 0; i < 40; i++) {
                client.captureLog("info", "idle " + i, null);
            }
            assertTrue(client.flush(Duration.ofSeconds(20)), client.stats().toString());
            HttpEngine engine = engine(client);
            int pooled = engine.connections();
            assertTrue(pooled >= 2, "requests in flight opened several connections: " + pooled);

            time.advance(29_000);
            engine.closeIdleConnectionsNow();
            assertEquals(pooled, engine.connections(), "29 s idle: still pooled");

            time.advance(1_000);
            engine.closeIdleConnectionsNow();
            PollUntil.await("idle connections closed", () -> engine.connections() == 0);
        }
        stub.assertAllBodiesValid();
    }

    @Test
    void noSdkOrEngineThreadIsAliveOnceCloseReturns() throws Exception {
        // Netty's JVM-wide helper thread (of any Netty in this JVM) ends ~1 s after its last task: once it has,
        // one alive after close() was started by this client
        PollUntil.await("no globalEventExecutor thread", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().contains("globalEventExecutor")));
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        SeeStackClient client = client(ClientComponents.defaults());
        for (int i = 0; i < 50; i++) {
            client.captureLog("info", "before close " + i, null);
        }
        assertTrue(client.flush(Duration.ofSeconds(10)), client.stats().toString());
        assertTrue(SdkThreads.names().contains("seestack-io-1"), "the engine's event loop: " + SdkThreads.names());

        client.close();
        try (NettyTransport alone = new NettyTransport(stub.host(), IngestStub.API_KEY)) {
            alone.post(IngestStub.LOGS, "{\"level\":\"info\",\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8));
        }

        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(n -> n.startsWith(SdkThreads.PREFIX) || n.contains("globalEventExecutor")
                        || n.contains("ObjectCleaner") || n.contains("nioEventLoop") || n.contains("HttpClient"))
                .collect(Collectors.toList());
        assertEquals(List.of(), left);
    }
}
