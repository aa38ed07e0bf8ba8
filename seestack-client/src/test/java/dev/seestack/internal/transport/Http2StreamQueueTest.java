package dev.seestack.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.ContractSchemas;
import dev.seestack.testkit.DelayProxy;
import dev.seestack.testkit.Http2Server;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.TestCertificates;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request whose stream waits behind the server's {@code MAX_CONCURRENT_STREAMS} when its deadline passes is
 * never written later (the backend would get it twice once delivery retries it) and is reported as not sent;
 * likewise a request whose deadline passes while it waits for its connection. Requests beyond the server's limit
 * get more HTTP/2 connections (up to {@link ConnectionPool#MAX_HTTP2_CONNECTIONS}), each request sent once, closed
 * after {@link HttpEngine#IDLE_TIMEOUT} without a stream (on the engine's injected clock). Real sockets: the test kit's Jetty
 * HTTP/2 server (allowing one stream on each of the engine's connections and holding its answers, or behind a delay
 * proxy). A test's request is given
 * an earlier deadline than the engine's 5 s so it passes at a known point.
 */
@Timeout(60)
class Http2StreamQueueTest {
    private static final String[] HEADERS = {"Content-Type", "application/json", "X-SeeStack-Key", IngestStub.API_KEY};

    private static Exchange log(Endpoint endpoint, String message) {
        byte[] body = ("{\"level\":\"info\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        return new Exchange(endpoint, HttpMethod.POST, endpoint.target(IngestStub.LOGS), HEADERS, body, 8192);
    }

    private final AtomicLong clock = new AtomicLong();

    private HttpEngine engineTrustingTheTestCa(String host) {
        SeeStackConfig config = SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY).host(host)
                .trustStore(TestCertificates.get().trustStore().toString())
                .trustStorePassword(TestCertificates.PASSWORD).build();
        return HttpEngine.forConfig(config, clock::get);
    }

    private static Map<String, Long> messagesReceived(Http2Server server) {
        return server.received().stream().map(r -> {
            ContractSchemas.assertValid(r.path(), r.body());
            return r.body().replaceAll(".*\"message\":\"([^\"]*)\".*", "$1");
        }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** An answered request first, so the server's SETTINGS (its stream limit) are read; then answers are held. */
    private static void warmUpThenHoldAnswers(HttpEngine engine, Endpoint endpoint, Http2Server server)
            throws Exception {
        assertEquals(202, engine.send(log(endpoint, "warm-up")).get(10, TimeUnit.SECONDS).status());
        server.holdAnswers();
    }

    @Test
    void aRequestStillQueuedBehindTheStreamLimitAtItsDeadlineIsNeverWrittenAndIsReportedNotSent() throws Exception {
        try (Http2Server server = Http2Server.httpsWithStreamLimit(1, true);
                HttpEngine engine = engineTrustingTheTestCa(server.host())) {
            Endpoint endpoint = Endpoint.parse(server.host());
            warmUpThenHoldAnswers(engine, endpoint, server);

            // the same deadline for all, so one deadline check times them out together, the held ones first; far
            // enough for the queued one to be sent before it on a loaded machine (checked below)
            long deadline = (System.nanoTime() + TimeUnit.SECONDS.toNanos(8)) | 1;
            List<Exchange> held = new ArrayList<>();
            for (int i = 0; i < ConnectionPool.MAX_HTTP2_CONNECTIONS; i++) { // the one stream of every connection
                Exchange h = log(endpoint, "held " + i);
                h.deadlineNanos = deadline;
                engine.send(h);
                held.add(h);
                String message = "held " + i;
                PollUntil.await(Duration.ofSeconds(10), "the server got " + message,
                        () -> messagesReceived(server).containsKey(message));
            }
            assertEquals(ConnectionPool.MAX_HTTP2_CONNECTIONS, engine.connections());
            Exchange queued = log(endpoint, "queued");
            queued.deadlineNanos = deadline;
            engine.send(queued); // every connection's one stream is taken and no more may open: it waits for one
            assertTrue(deadline - System.nanoTime() > 0, "too slow: the queued request was sent after its deadline");

            ExecutionException notSent = assertThrows(ExecutionException.class,
                    () -> queued.result.get(20, TimeUnit.SECONDS));
            assertFalse(notSent.getCause() instanceof UnconfirmedDeliveryException,
                    "a request that never left is a safe retry: " + notSent.getCause());
            assertTrue(notSent.getCause().getMessage().contains("not sent"), notSent.getCause().getMessage());
            for (Exchange h : held) {
                ExecutionException unconfirmed = assertThrows(ExecutionException.class,
                        () -> h.result.get(20, TimeUnit.SECONDS));
                assertInstanceOf(UnconfirmedDeliveryException.class, unconfirmed.getCause(), "a held one was sent");
            }

            server.releaseAnswers();
            // delivery's retry of the queued log: answered after anything written before it on the connection
            assertEquals(202, engine.send(log(endpoint, "queued")).get(10, TimeUnit.SECONDS).status());

            assertEquals(Map.of("warm-up", 1L, "held 0", 1L, "held 1", 1L, "held 2", 1L, "held 3", 1L, "queued", 1L),
                    messagesReceived(server),
                    "each body once: " + server.received().stream().map(Http2Server.Received::body).toList());
            assertEquals(ConnectionPool.MAX_HTTP2_CONNECTIONS, server.connections());
        }
    }

    @Test
    void aRequestWhoseDeadlinePassesWhileItWaitsForItsConnectionIsNotWrittenOnceTheConnectionIsUp() throws Exception {
        // 1.5 s each way: the TLS handshake (one round trip) ends about 3 s after the request's 1 s deadline passed
        try (Http2Server server = Http2Server.https(true);
                DelayProxy slow = DelayProxy.to("127.0.0.1", server.port(), 3_000);
                HttpEngine engine = engineTrustingTheTestCa("https://127.0.0.1:" + slow.port())) {
            Endpoint endpoint = Endpoint.parse("https://127.0.0.1:" + slow.port());
            Exchange waiting = log(endpoint, "waited");
            waiting.deadlineNanos = (System.nanoTime() + TimeUnit.SECONDS.toNanos(1)) | 1;
            engine.send(waiting);

            ExecutionException notSent = assertThrows(ExecutionException.class,
                    () -> waiting.result.get(20, TimeUnit.SECONDS));
            assertFalse(notSent.getCause() instanceof UnconfirmedDeliveryException, notSent.getCause().toString());
            assertEquals(0, engine.connections(), "it timed out while its connection was still being opened");
            PollUntil.await(Duration.ofSeconds(15), "the connection came up", () -> engine.connections() == 1);

            // the retry goes on that connection after anything written there before it
            assertEquals(202, engine.send(log(endpoint, "waited")).get(15, TimeUnit.SECONDS).status());
            assertEquals(Map.of("waited", 1L), messagesReceived(server));
            assertEquals(1, server.connections());
        }
    }

    /** Sends {@code count} logs named {@code prefix 0..count-1} while the server holds its answers. */
    private static List<Exchange> sendHeld(HttpEngine engine, Endpoint endpoint, String prefix, int count) {
        List<Exchange> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange ex = log(endpoint, prefix + i);
            engine.send(ex);
            sent.add(ex);
        }
        return sent;
    }

    private static void everyOneAnswered(List<Exchange> sent) throws Exception {
        for (Exchange ex : sent) {
            assertEquals(202, ex.result.get(20, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void requestsBeyondTheServersStreamLimitGoOnASecondConnectionEachSentOnceAndBothCloseWhenIdle() throws Exception {
        try (Http2Server server = Http2Server.httpsWithStreamLimit(2, true);
                HttpEngine engine = engineTrustingTheTestCa(server.host())) {
            Endpoint endpoint = Endpoint.parse(server.host());
            warmUpThenHoldAnswers(engine, endpoint, server);

            List<Exchange> sent = sendHeld(engine, endpoint, "log ", 4);
            PollUntil.await(Duration.ofSeconds(20), "the server got all 4 while holding every answer",
                    () -> server.received().size() == 5);
            assertEquals(2, engine.connections(), "2 streams on each");
            server.releaseAnswers();
            everyOneAnswered(sent);

            assertEquals(Map.of("warm-up", 1L, "log 0", 1L, "log 1", 1L, "log 2", 1L, "log 3", 1L),
                    messagesReceived(server));
            assertEquals(List.of(3L, 2L), server.requestsPerConnection());

            clock.addAndGet(HttpEngine.IDLE_TIMEOUT.toNanos() - 1);
            engine.closeIdleConnectionsNow();
            assertEquals(2, engine.connections(), "not idle for 30 s yet");
            clock.addAndGet(1);
            engine.closeIdleConnectionsNow();
            PollUntil.await(Duration.ofSeconds(10), "both closed", () -> engine.connections() == 0);
        }
    }

    @Test
    void noMoreThanTheCapOfConnectionsOpensAndTheRequestsBeyondWaitForAStreamEachSentOnce() throws Exception {
        try (Http2Server server = Http2Server.httpsWithStreamLimit(1, true);
                HttpEngine engine = engineTrustingTheTestCa(server.host())) {
            Endpoint endpoint = Endpoint.parse(server.host());
            warmUpThenHoldAnswers(engine, endpoint, server);

            int cap = ConnectionPool.MAX_HTTP2_CONNECTIONS;
            List<Exchange> sent = sendHeld(engine, endpoint, "log ", cap + 3);
            PollUntil.await(Duration.ofSeconds(20), "one held request on each connection",
                    () -> server.received().size() == 1 + cap);
            assertEquals(cap, engine.connections());
            server.releaseAnswers();
            everyOneAnswered(sent);

            Map<String, Long> received = messagesReceived(server);
            assertEquals(cap + 4, received.size(), received.toString());
            assertEquals(List.of(1L), received.values().stream().distinct().toList(), "each once: " + received);
            assertEquals(cap, server.connections());
        }
    }
}
