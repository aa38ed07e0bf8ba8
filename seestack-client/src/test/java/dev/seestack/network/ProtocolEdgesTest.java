package dev.seestack.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.FeatureStats;
import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.transport.NettyTransport;
import dev.seestack.internal.delivery.RetryPolicy;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.transport.UnconfirmedDeliveryException;
import dev.seestack.network.ScriptedHttpServer.Answer;
import dev.seestack.testkit.ContractSchemas;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTP edges real servers and proxies produce, answered byte for byte by a scripted server. */
@Timeout(60)
class ProtocolEdgesTest {
    private static final byte[] BODY = "{\"level\":\"info\",\"message\":\"edge\"}".getBytes(StandardCharsets.UTF_8);
    private static final String ACCEPTED = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";

    private final RecordingSink sink = new RecordingSink();
    private ScriptedHttpServer server;
    private SeeStackClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Transport transport() {
        return new NettyTransport("http://127.0.0.1:" + server.port(), "k");
    }

    private SeeStackClient client(String host) {
        client = dev.seestack.internal.ClientAccess.create(SeeStackConfig.builder(n -> null).apiKey("k").host(host).environment("test")
                .build(), ClientComponents.defaults().scheduler(ManualScheduler::new)
                .retryPolicy(new RetryPolicy(() -> 0, System::currentTimeMillis)).diagnosticSink(sink)
                .shutdownHook(false));
        return client;
    }

    @Test
    void aContinueInterimResponseIsSkippedAndTheFinalStatusCounts() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server = ScriptedHttpServer.onLoopback(r -> Answer.keepOpen("HTTP/1.1 100 Continue\r\n\r\n"
                + (n.incrementAndGet() == 1 ? ACCEPTED : "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")));
        try (Transport t = transport()) {
            assertEquals(202, t.post("/ingest/v1/logs", BODY).status());
            assertEquals(503, t.post("/ingest/v1/logs", BODY).status(), "a 503 after a 100 is seen, so it is retried");
        }
    }

    @Test
    void aReusedConnectionClosedWithoutAnyAnswerIsResentOnceAtOnceAndCounted() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // the second request arrives on the kept-alive connection, which the server then closes unanswered
        server = ScriptedHttpServer.onLoopback(r -> n.incrementAndGet() == 2 ? Answer.thenClose("") : Answer.keepOpen(ACCEPTED));
        try (NettyTransport t = new NettyTransport("http://127.0.0.1:" + server.port(), "k")) {
            assertEquals(202, t.post("/ingest/v1/logs", BODY).status());
            assertEquals(202, t.post("/ingest/v1/logs", BODY).status());
            assertEquals(1, t.resends());
        }
        assertEquals(3, server.requests().size());
        assertEquals(2, server.connections());
    }

    @Test
    void aResendAfterAClosedConnectionIsVisibleInTheClientsStatsAndTheLogCountedSentOnce() {
        AtomicInteger n = new AtomicInteger();
        server = ScriptedHttpServer.onLoopback(r -> n.incrementAndGet() == 2 ? Answer.thenClose("") : Answer.keepOpen(ACCEPTED));
        SeeStackClient c = client("http://127.0.0.1:" + server.port());
        c.captureLog("info", "first", null);
        assertTrue(c.flush(Duration.ofSeconds(10)));
        c.captureLog("info", "second", null); // goes out on the kept-alive connection the server then closes
        assertTrue(c.flush(Duration.ofSeconds(10)));
        assertEquals(1, c.stats().connectionResends(), c.stats().toString());
        FeatureStats logs = c.stats().logs();
        assertEquals(2, logs.sent(), logs.toString());
        assertEquals(0, logs.droppedAfterRetries() + logs.rejected(), logs.toString());
        assertEquals(3, server.requests().size(), "the second body reached the server twice");
        server.requests().forEach(r -> ContractSchemas.assertValid(IngestStub.LOGS, r.body()));
    }

    @Test
    void aFreshConnectionClosedAfterTheBodyWasReadFailsAsAnUnconfirmedDelivery() {
        server = ScriptedHttpServer.onLoopback(r -> Answer.thenClose(""));
        try (Transport t = transport()) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> t.postAsync("/ingest/v1/logs", BODY).get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof UnconfirmedDeliveryException, String.valueOf(e.getCause()));
            assertEquals(0, t.resends(), "not a pooled connection: nothing to resend at once");
        }
        assertEquals(1, server.requests().size(), "the server read the body");
    }

    @Test
    void aConnectionRefusedBeforeTheBodyLeftIsAPlainFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Transport t = new NettyTransport("http://127.0.0.1:" + port, "k")) {
            IOException e = assertThrows(IOException.class, () -> t.post("/ingest/v1/logs", BODY));
            assertFalse(e instanceof UnconfirmedDeliveryException, e.toString());
        }
    }

    @Test
    void noContentAnswersKeepTheConnection() throws Exception {
        server = ScriptedHttpServer.onLoopback(r -> Answer.keepOpen("HTTP/1.1 204 No Content\r\n\r\n"));
        try (Transport t = transport()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(204, t.post("/ingest/v1/logs", BODY).status());
            }
        }
        assertEquals(1, server.connections());
    }

    @Test
    void aOneMegabyteResponseIsReadAndMostlyDiscardedOnTheSameConnection() throws Exception {
        String big = "x".repeat(1024 * 1024);
        server = ScriptedHttpServer.onLoopback(r -> Answer.keepOpen("HTTP/1.1 202 Accepted\r\nContent-Length: "
                + big.length() + "\r\n\r\n" + big));
        try (Transport t = transport()) {
            TransportResponse first = t.post("/ingest/v1/logs", BODY);
            assertEquals(202, first.status());
            assertEquals(8 * 1024, first.body().length(), "only the head of a body is kept");
            assertEquals(202, t.post("/ingest/v1/logs", BODY).status());
        }
        assertEquals(1, server.connections());
    }

    @Test
    void anHttp10ServerClosingAfterEachResponseLosesNothing() {
        server = ScriptedHttpServer.onLoopback(r -> Answer.thenClose("HTTP/1.0 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
        client("http://127.0.0.1:" + server.port());
        for (int i = 0; i < 50; i++) {
            client.captureLog("info", "log " + i, null);
        }
        assertTrue(client.flush(Duration.ofSeconds(20)), client.stats().toString());
        FeatureStats logs = client.stats().logs();
        assertEquals(50, logs.sent(), logs.toString());
        assertEquals(50, server.requests().size());
    }

    @Test
    void redirectsAreNotFollowedButWarnedOnceWithTheirLocation() {
        AtomicInteger n = new AtomicInteger();
        server = ScriptedHttpServer.onLoopback(r -> Answer.keepOpen("HTTP/1.1 " + (n.incrementAndGet() % 2 == 1
                ? "301 Moved Permanently" : "307 Temporary Redirect")
                + "\r\nLocation: https://new.example.com/ingest/v1/logs\r\nContent-Length: 0\r\n\r\n"));
        client("http://127.0.0.1:" + server.port());
        for (int i = 0; i < 4; i++) {
            client.captureLog("info", "log " + i, null);
        }
        assertTrue(client.flush(Duration.ofSeconds(10)), client.stats().toString());

        assertEquals(4, client.stats().logs().rejected());
        assertEquals(4, server.requests().size(), "nothing followed the redirect");
        assertEquals(1, sink.containing("redirecting to https://new.example.com/ingest/v1/logs").size(),
                sink.lines().toString());
    }

    @Test
    void anIpv6LiteralHostIsSentAsAValidHostHeader() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket probe = new ServerSocket(0, 1, v6)) {
            Assumptions.assumeTrue(probe.getLocalPort() > 0);
        } catch (IOException noIpv6) {
            Assumptions.abort("no IPv6 loopback here");
        }
        Function<ScriptedHttpServer.Request, Answer> strictHost = r -> {
            String host = r.header("Host");
            return Answer.keepOpen(host != null && host.equals("[::1]:" + server.port()) ? ACCEPTED
                    : "HTTP/1.1 400 Bad Host\r\nContent-Length: 0\r\n\r\n");
        };
        server = new ScriptedHttpServer(v6, strictHost);
        try (Transport t = new NettyTransport("http://[::1]:" + server.port(), "k")) {
            assertEquals(202, t.post("/ingest/v1/logs", BODY).status(), server.requests().toString());
        }
    }
}
