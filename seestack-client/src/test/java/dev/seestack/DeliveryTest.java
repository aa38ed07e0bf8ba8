package dev.seestack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.transport.NettyTransport;
import dev.seestack.internal.delivery.RetryPolicy;
import dev.seestack.testkit.CaptureTime;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status table, buffering triggers and flush semantics, against a WireMock backend with a manual clock. */
@Timeout(60)
class DeliveryTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private TestClients fixture;
    private SeeStackClient client;

    @BeforeEach
    void reset() {
        fixture = new TestClients();
    }

    @AfterEach
    void closeClientAndValidateBodies() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void holdsLogsUntilTheTimerFires() {
        client = fixture.client(stub);
        client.captureLog("info", "hello", Map.of());
        assertEquals(1, client.stats().logs().pending());
        assertEquals(0, stub.count(IngestStub.LOGS));

        fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);

        assertEquals("{\"level\":\"info\",\"message\":\"hello\"}", CaptureTime.strip(stub.awaitBodies(IngestStub.LOGS, 1).get(0)));
    }

    @Test
    void sendsErrorsImmediatelyWithoutWaitingForTheTimer() {
        client = fixture.client(stub);
        client.captureError(new IllegalStateException("boom"));
        assertEquals(1, stub.awaitBodies(IngestStub.ERRORS, 1).size());
    }

    @Test
    void startsSendingLogsWhenTheBufferReachesEightyPercent() {
        client = fixture.client(stub, b -> b.bufferSize(10));
        for (int i = 0; i < 7; i++) {
            client.captureLog("info", "log " + i, null);
        }
        assertEquals(0, stub.count(IngestStub.LOGS));
        assertEquals(7, client.stats().logs().pending());

        client.captureLog("info", "log 7", null);

        stub.awaitBodies(IngestStub.LOGS, 8);
    }

    @Test
    void flushBlocksUntilEveryBufferedLogIsSent() {
        client = fixture.client(stub);
        for (int i = 0; i < 20; i++) {
            client.captureLog("warn", "log " + i, Map.of("i", i));
        }
        assertTrue(client.flush());
        assertEquals(20, stub.awaitBodies(IngestStub.LOGS, 20).size());
        assertEquals(20, client.stats().logs().sent());
        assertEquals(0, client.stats().logs().pending());
    }

    @Test
    void sendsEachLogAsItsOwnRequestWithTheKeyHeader() {
        client = fixture.client(stub);
        client.captureLog("WARNING", "disk almost full", Map.of("service", "billing", "traceId", "t-1", "disk", "/dev/sda"));
        client.flush();
        assertEquals("{\"level\":\"warn\",\"message\":\"disk almost full\",\"service\":\"billing\","
                + "\"traceId\":\"t-1\",\"metadata\":{\"disk\":\"/dev/sda\"}}",
                CaptureTime.strip(stub.awaitBodies(IngestStub.LOGS, 1).get(0)));
        var request = stub.requests(IngestStub.LOGS).get(0);
        assertEquals(IngestStub.API_KEY, request.getHeader("X-SeeStack-Key"));
        assertEquals("application/json", request.getHeader("Content-Type"));
    }

    @Test
    void dropsTheOldestLogWhenTheBufferIsFullAndWarnsOnceWithoutDebug() {
        GatedTransport gate = new GatedTransport(new NettyTransport(stub.host(), IngestStub.API_KEY));
        client = ClientAccess.create(TestClients.config(stub).bufferSize(5).build(), ClientComponents.defaults()
                .transport(c -> gate).scheduler(() -> fixture.scheduler).diagnosticSink(fixture.sink)
                .senderThreads(1).shutdownHook(false));
        for (int i = 1; i <= 4; i++) {
            client.captureLog("info", "m" + i, null);
        }
        PollUntil.await("the sender holds m1 at the gate", () -> gate.waiting.get() == 1);
        for (int i = 5; i <= 10; i++) {
            client.captureLog("info", "m" + i, null);
        }
        gate.open();
        assertTrue(client.flush());

        List<String> messages = stub.awaitBodies(IngestStub.LOGS, 6).stream()
                .map(b -> b.replaceAll(".*\"message\":\"(m\\d+)\".*", "$1")).collect(Collectors.toList());
        assertEquals(List.of("m1", "m6", "m7", "m8", "m9", "m10"), messages);
        FeatureStats logs = client.stats().logs();
        assertEquals(10, logs.captured());
        assertEquals(4, logs.droppedBufferFull());
        assertEquals(6, logs.sent());
        assertEquals(1, fixture.sink.containing("logs dropped (the buffer was full): 1 (").size(),
                fixture.sink.lines().toString());
    }

    @Test
    void retriesServerErrorsWithBackoffThenDrops() {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withStatus(503)));
        client = ClientAccess.create(TestClients.config(stub).build(), ClientComponents.defaults()
                .scheduler(() -> fixture.scheduler).retryPolicy(new RetryPolicy(() -> 123, System::currentTimeMillis))
                .diagnosticSink(fixture.sink).shutdownHook(false));
        client.captureLog("error", "will fail", null);
        fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);

        long[] expected = {1123, 2123, 4123, 8123};
        for (int attempt = 1; attempt <= 4; attempt++) {
            int n = attempt;
            stub.awaitBodies(IngestStub.LOGS, n);
            PollUntil.await("retry " + n + " scheduled", () -> fixture.scheduler.requestedDelays().size() == n);
            assertEquals(expected[n - 1], fixture.scheduler.requestedDelays().get(n - 1));
            fixture.scheduler.advance(expected[n - 1]);
        }
        stub.awaitBodies(IngestStub.LOGS, 5);
        PollUntil.await("dropped after 5 attempts", () -> client.stats().logs().droppedAfterRetries() == 1);
        assertEquals(4, fixture.scheduler.requestedDelays().size());
        assertEquals(5, stub.awaitBodies(IngestStub.LOGS, 5).size());
        PollUntil.await("one warning about the drop",
                () -> fixture.sink.containing("logs dropped (retries spent): 1 (").size() == 1);
    }

    @Test
    void retriesNetworkFailuresAndDeliversOnceTheBackendRecovers() {
        stub.stub(post(urlPathEqualTo(IngestStub.ERRORS)).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        client = fixture.client(stub);
        client.captureError(new RuntimeException("first try resets"));
        PollUntil.await("retry scheduled", () -> fixture.scheduler.requestedDelays().size() == 1);
        assertEquals(1000, fixture.scheduler.requestedDelays().get(0));
        fixture.scheduler.advance(1000);
        PollUntil.await("delivered", () -> client.stats().errors().sent() == 1);
        assertEquals(2, stub.awaitBodies(IngestStub.ERRORS, 2).size());
    }

    @Test
    void closeGivesAWaitingRetryExactlyOneLastAttempt() {
        stub.stub(post(urlPathEqualTo(IngestStub.ERRORS)).atPriority(1).willReturn(aResponse().withStatus(503)));
        client = fixture.client(stub);
        client.captureError(new RuntimeException("backend down"));
        PollUntil.await("retry scheduled", () -> fixture.scheduler.requestedDelays().size() == 1);

        client.close();

        assertEquals(2, stub.count(IngestStub.ERRORS), "the first attempt and one last one at close, not attempts 2-5");
        assertEquals(1, client.stats().errors().droppedAfterRetries(), client.stats().toString());
        assertEquals(0, client.stats().errors().pending());
    }

    @Test
    void honoursRetryAfterOn429ForAtMostThreeMoreAttempts() {
        stub.stub(post(urlPathEqualTo(IngestStub.ERRORS)).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        client = fixture.client(stub);
        client.captureError(new RuntimeException("rate limited"));
        for (int retry = 1; retry <= 3; retry++) {
            int n = retry;
            PollUntil.await("429 retry " + n + " scheduled", () -> fixture.scheduler.requestedDelays().size() == n);
            assertEquals(2000, fixture.scheduler.requestedDelays().get(n - 1));
            fixture.scheduler.advance(2000);
        }
        PollUntil.await("dropped after 3 retries", () -> client.stats().errors().droppedAfterRetries() == 1);
        assertEquals(4, stub.awaitBodies(IngestStub.ERRORS, 4).size());
        assertEquals(3, fixture.scheduler.requestedDelays().size());
    }

    @Test
    void dropsValidationRejectionsWithoutRetrying() {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withStatus(422)
                .withBody("{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"bad\"}}")));
        stub.stub(post(urlPathEqualTo(IngestStub.ERRORS)).atPriority(1).willReturn(aResponse().withStatus(400)));
        client = fixture.client(stub);
        client.captureLog("info", "rejected", null);
        client.captureError(new RuntimeException("also rejected"));
        assertTrue(client.flush());
        assertEquals(1, client.stats().logs().rejected());
        assertEquals(1, client.stats().errors().rejected());
        assertEquals(List.of(), fixture.scheduler.requestedDelays());
        assertEquals(1, stub.awaitBodies(IngestStub.LOGS, 1).size());
        assertEquals(1, stub.awaitBodies(IngestStub.ERRORS, 1).size());
    }

    @Test
    void dropsForbiddenWithoutRetryingAndWarnsOnce() {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withStatus(403)));
        client = fixture.client(stub);
        client.captureLog("info", "one", null);
        client.captureLog("info", "two", null);
        assertTrue(client.flush());
        assertEquals(2, client.stats().logs().rejected());
        assertEquals(2, stub.awaitBodies(IngestStub.LOGS, 2).size());
        assertEquals(1, fixture.sink.containing("403").size());
        assertTrue(client.isEnabled());
    }

    @Test
    void disablesTheWholeSdkOnUnauthorizedAndNeverRetries() {
        stub.stub(post(urlPathEqualTo(IngestStub.ERRORS)).atPriority(1).willReturn(aResponse().withStatus(401)));
        client = fixture.client(stub);
        client.captureLog("info", "buffered before the 401", null);
        client.captureError(new RuntimeException("bad key"));

        PollUntil.await("SDK disabled", () -> !client.isEnabled());
        client.captureError(new RuntimeException("after disable"));
        client.captureLog("info", "after disable", null);
        client.flush();

        assertEquals(1, fixture.sink.containing("WARN SeeStack SDK: invalid API key — disabling SDK").size(),
                fixture.sink.lines().toString());
        assertEquals(1, stub.awaitBodies(IngestStub.ERRORS, 1).size());
        assertEquals(0, stub.count(IngestStub.LOGS));
        assertEquals(List.of(), fixture.scheduler.requestedDelays());
        // the log buffered before the 401 and the one captured after it are both counted as dropped
        assertEquals(2, client.stats().logs().captured());
        assertEquals(2, client.stats().logs().droppedDisabled());
        assertEquals(1, client.stats().errors().rejected());
        assertEquals(1, client.stats().errors().droppedDisabled());
    }

    @Test
    void closeDrainsBufferedItemsAndStopsEverySdkThread() {
        client = fixture.client(stub);
        IntStream.range(0, 5).forEach(i -> client.captureLog("info", "bye " + i, null));
        client.close();
        assertEquals(5, stub.awaitBodies(IngestStub.LOGS, 5).size());
        PollUntil.await("no seestack thread left", () -> SdkThreads.names().isEmpty());
        client.captureLog("info", "after close", null);
        assertFalse(client.isEnabled());
        assertEquals(5, stub.awaitBodies(IngestStub.LOGS, 5).size());
    }
}
