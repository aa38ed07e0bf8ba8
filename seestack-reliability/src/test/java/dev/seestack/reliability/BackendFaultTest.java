package dev.seestack.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.reliability.LoggingApp.Framework;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real SDK behind a real logging framework against a backend that fails in every way the protocol names.
 * For each fault: logging calls keep their latency, everything within the buffer bound arrives once the
 * backend recovers, nothing arrives twice (except after a timeout the server did process), and the counters
 * account for every event.
 */
@Timeout(60)
class BackendFaultTest {
    /** Fewer than the default buffer (500) holds, and below its 80 % flush trigger. */
    private static final int EVENTS = 200;
    /** How long the backend stays down or blackholed: within the first retry's backoff (1 s + jitter). */
    private static final Duration OUTAGE = Duration.ofMillis(800);

    private LoggingApp app;
    private IngestStub stub;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (stub != null) {
            try {
                stub.assertAllBodiesValid();
            } finally {
                stub.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Framework.class)
    void backendDownDeliversEveryEventOnceItComesBack(Framework framework) throws Exception {
        int port = freePort();
        app = LoggingApp.start(framework, "http://127.0.0.1:" + port);
        SeeStackClient client = app.client();

        logEvents("down").assertBounded("connection refused");
        Thread.sleep(OUTAGE.toMillis()); // the outage lasts this long: refused attempts are waiting for a retry
        stub = IngestStub.startOnPort(port);

        assertEverythingDeliveredOnce(client, EVENTS);
    }

    @Test
    void blackholedBackendNeitherBlocksCallersNorLosesBufferedEvents() throws Exception {
        Blackhole blackhole = Blackhole.start();
        try {
            app = LoggingApp.start(Framework.LOGBACK, blackhole.host());
            SeeStackClient client = app.client();

            logEvents("blackhole").assertBounded("blackholed backend");
            PollUntil.await("senders hang on the blackhole", () -> blackhole.accepted() >= 1);
            Thread.sleep(OUTAGE.toMillis());
            assertEquals(EVENTS, client.stats().logs().pending(), "every event is still held: " + client.stats());
        } finally {
            blackhole.close(); // the hung requests fail (connection closed) and are retried
        }
        stub = IngestStub.startOnPort(blackhole.port());

        assertEverythingDeliveredOnce(app.client(), EVENTS);
    }

    @Test
    void slowBackendJustUnderTheRequestTimeoutGetsEveryEventOnce() {
        stub = IngestStub.start();
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(accepted().withFixedDelay(4000)));
        app = LoggingApp.start(Framework.LOGBACK, stub.host());
        SeeStackClient client = app.client();

        // one request per sender thread: they all wait 4 s together
        int events = 8;
        CallerLatency.measure(events, i -> app.info("slow " + i)).assertBounded("slow backend");

        assertTrue(client.flush(Duration.ofSeconds(15)), client.stats().toString());
        List<String> delivered = Served.awaitAccepted(stub, IngestStub.LOGS, events);
        assertEquals(expected("slow", events), new HashSet<>(Served.messages(delivered)));
        assertEquals(Map.of(), Served.duplicates(delivered));
        Accounting.assertSettled(client.stats().logs(), events);
        assertEquals(events, client.stats().logs().sent());
    }

    @ParameterizedTest
    @EnumSource(Framework.class)
    void flappingBackendAnswering503ThreeTimesThen202GetsEveryEventOnce(Framework framework) {
        stub = IngestStub.start();
        failFirst(3, aResponse().withStatus(503).withBody("{\"success\":false}"));
        app = LoggingApp.start(framework, stub.host());

        logEvents("flap").assertBounded("flapping backend");

        assertEverythingDeliveredOnce(app.client(), EVENTS);
        assertTrue(statusCount(503) >= 3, "requests were answered 503 and retried");
    }

    @Test
    void connectionsResetByPeerAreRetriedAndEveryEventArrivesOnce() {
        stub = IngestStub.start();
        failFirst(3, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        app = LoggingApp.start(Framework.LOGBACK, stub.host());

        logEvents("reset").assertBounded("resetting backend");

        assertEverythingDeliveredOnce(app.client(), EVENTS);
        assertTrue(Served.events(stub, IngestStub.LOGS).stream().filter(e -> e.getResponse().getFault() != null)
                .count() >= 3, "connections were reset");
    }

    @Test
    void rateLimitedRequestsWaitForRetryAfterThenArriveOnce() {
        stub = IngestStub.start();
        failFirst(2, aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("{\"success\":false}"));
        app = LoggingApp.start(Framework.LOGBACK, stub.host());

        logEvents("limited").assertBounded("rate-limited backend");

        assertEverythingDeliveredOnce(app.client(), EVENTS);
        List<ServeEvent> events = Served.events(stub, IngestStub.LOGS);
        List<ServeEvent> limited = events.stream().filter(e -> e.getResponse().getStatus() == 429)
                .collect(Collectors.toList());
        assertTrue(limited.size() >= 2, "requests were answered 429");
        for (ServeEvent refused : limited) {
            ServeEvent retried = events.stream()
                    .filter(e -> e.getResponse().getStatus() == 202
                            && e.getRequest().getBodyAsString().equals(refused.getRequest().getBodyAsString()))
                    .findFirst().orElseThrow();
            long waitedMs = retried.getRequest().getLoggedDate().getTime()
                    - refused.getRequest().getLoggedDate().getTime();
            assertTrue(waitedMs >= 1900, "the retry honoured Retry-After: 2 (waited " + waitedMs + " ms)");
        }
    }

    @Test
    void unauthorizedMidRunDisablesTheSdkAndCountsEveryLaterEvent() {
        stub = IngestStub.start();
        app = LoggingApp.start(Framework.LOGBACK, stub.host());
        SeeStackClient client = app.client();
        for (int i = 0; i < 20; i++) {
            app.info("before " + i);
        }
        assertTrue(client.flush(Duration.ofSeconds(10)));
        Served.awaitAccepted(stub, IngestStub.LOGS, 20);

        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"success\":false,\"error\":{\"code\":\"INVALID_API_KEY\",\"message\":\"bad key\"}}")));
        for (int i = 0; i < 30; i++) {
            app.info("revoked " + i);
        }
        PollUntil.await("the SDK disabled itself", () -> !client.isEnabled());
        CallerLatency.measure(10, i -> app.info("after " + i)).assertBounded("disabled SDK");
        app.close();
        app = null;

        FeatureStats logs = client.stats().logs();
        Accounting.assertSettled(logs, 60);
        assertEquals(20, logs.sent(), logs.toString());
        // the 401 answer rejects its event; requests in flight alongside it are cut short by the disable
        assertTrue(logs.rejected() >= 1, logs.toString());
        assertEquals(40, logs.rejected() + logs.droppedDisabled(), logs.toString());
        assertTrue(Served.messages(stub.bodies(IngestStub.LOGS)).stream().noneMatch(m -> m.startsWith("after")),
                "nothing captured after the SDK disabled itself is sent");
        assertTrue(logs.droppedDisabled() >= 10, logs.toString());
        assertEquals(0, logs.droppedAfterRetries(), "requests cut short by the disable are not retry failures");
    }

    @Test
    void garbageBodiesWith202CountAsDelivered() {
        stub = IngestStub.start();
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1)
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("<html>\u0000not json at all{{{")));
        app = LoggingApp.start(Framework.LOGBACK, stub.host());

        logEvents("garbage202").assertBounded("garbage 202");

        assertEverythingDeliveredOnce(app.client(), EVENTS);
    }

    @Test
    void garbageBodiesWith500AreRetriedLikeAnyServerError() {
        stub = IngestStub.start();
        failFirst(3, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("}}]] not json \uFFFF"));
        app = LoggingApp.start(Framework.LOGBACK, stub.host());

        logEvents("garbage500").assertBounded("garbage 500");

        assertEverythingDeliveredOnce(app.client(), EVENTS);
        assertTrue(statusCount(500) >= 3, "requests were answered 500");
    }

    /**
     * The one unavoidable duplicate: the server processed the request but answered after the client's 5 s
     * request timeout, so the client cannot know and retries. The client counts the event sent once.
     */
    @Test
    void aRequestAnsweredAfterTheTimeoutIsRetriedAndMayArriveTwice() {
        stub = IngestStub.start();
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).inScenario("late")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
                .willReturn(accepted().withFixedDelay(6000)));
        app = LoggingApp.start(Framework.LOGBACK, stub.host());
        SeeStackClient client = app.client();

        app.info("late answer");
        assertTrue(client.flush(Duration.ofSeconds(20)), client.stats().toString());

        List<String> delivered = Served.awaitAccepted(stub, IngestStub.LOGS, 2);
        assertEquals(List.of("late answer", "late answer"), Served.messages(delivered));
        Accounting.assertSettled(client.stats().logs(), 1);
        assertEquals(1, client.stats().logs().sent());
    }

    private CallerLatency logEvents(String prefix) {
        return CallerLatency.measure(EVENTS, i -> app.info(prefix + " " + i));
    }

    private void assertEverythingDeliveredOnce(SeeStackClient client, int events) {
        assertTrue(client.flush(Duration.ofSeconds(20)), "flushed after recovery: " + client.stats());
        // counted before waiting for the stub, so a failure says whether events were dropped or just not seen
        assertEquals(events, client.stats().logs().sent(), "every event sent after recovery: " + client.stats());
        List<String> delivered = Served.awaitAccepted(stub, IngestStub.LOGS, events);
        Set<String> messages = new HashSet<>(Served.messages(delivered));
        assertEquals(events, messages.size(), "every event arrived");
        assertEquals(Map.of(), Served.duplicates(delivered), "no event arrived twice");
        FeatureStats logs = client.stats().logs();
        Accounting.assertSettled(logs, events);
        assertEquals(events, logs.sent(), logs.toString());
    }

    /**
     * The first {@code n} log requests get {@code failure}, every later one 202. WireMock moves a scenario on
     * after matching, so concurrent requests may see the same state: at least {@code n} fail.
     */
    private void failFirst(int n, ResponseDefinitionBuilder failure) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= n; i++) {
            String next = i == n ? "recovered" : "failed-" + i;
            stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).inScenario("flap")
                    .whenScenarioStateIs(state).willSetStateTo(next).willReturn(failure));
            state = next;
        }
    }

    private long statusCount(int status) {
        return Served.events(stub, IngestStub.LOGS).stream().filter(e -> e.getResponse().getStatus() == status)
                .count();
    }

    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"data\":{\"id\":\"5f0c6a5e-0000-4000-8000-000000000001\"},"
                        + "\"meta\":{\"requestId\":\"5f0c6a5e-0000-4000-8000-000000000002\","
                        + "\"timestamp\":\"2026-01-01T00:00:00Z\"}}");
    }

    private static Set<String> expected(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + " " + i).collect(Collectors.toSet());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
