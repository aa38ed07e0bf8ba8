package dev.seestack.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.ContractSchemas;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose {@code SETTINGS_MAX_CONCURRENT_STREAMS} is below the requests waiting gets more HTTP/2 connections
 * from the engine (up to {@link ConnectionPool#MAX_HTTP2_CONNECTIONS}), each request sent once, and they close after
 * {@link HttpEngine#IDLE_TIMEOUT} without a stream. Real sockets: the test kit's Jetty HTTP/2 server holding its
 * answers, so the stream slots stay taken; idle time on the engine's injected clock.
 */
@Timeout(60)
class Http2ConnectionsTest {
    private static final String[] HEADERS = {"Content-Type", "application/json", "X-SeeStack-Key", IngestStub.API_KEY};

    private final AtomicLong clock = new AtomicLong();

    private static Exchange log(Endpoint endpoint, String message) {
        byte[] body = ("{\"level\":\"info\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        return new Exchange(endpoint, HttpMethod.POST, endpoint.target(IngestStub.LOGS), HEADERS, body, 8192);
    }

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
            // an answered request first: the server's SETTINGS (its limit of 2) are read before what follows
            assertEquals(202, engine.send(log(endpoint, "warm-up")).get(10, TimeUnit.SECONDS).status());
            server.holdAnswers();

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
            assertEquals(202, engine.send(log(endpoint, "warm-up")).get(10, TimeUnit.SECONDS).status());
            server.holdAnswers();

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
