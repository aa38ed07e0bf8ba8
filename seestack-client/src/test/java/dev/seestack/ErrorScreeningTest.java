package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Error screening through the public API: tags, server name, hooks, ignored types, per-group limit, counters. */
@Timeout(60)
class ErrorScreeningTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private final TestClients clients = new TestClients();
    private SeeStackClient client;

    private SeeStackClient client(Consumer<SeeStackConfig.Builder> customize) {
        client = clients.client(stub, customize);
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private static IllegalStateException thrownAtOneSite() {
        IllegalStateException e = new IllegalStateException("rates down");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.shop.Rates", "fetch", "Rates.java", 41)});
        return e;
    }

    private static JsonNode metadataOfError(int index, int expected) {
        return Json.tree(stub.awaitBodies(IngestStub.ERRORS, expected).get(index)).get("metadata");
    }

    private void flush() {
        assertTrue(client.flush(Duration.ofSeconds(10)), "flush");
    }

    @Test
    void tagsAreMergedIntoErrorsAndLogsAndTheEventsOwnKeysWin() {
        client(b -> b.tags("region=eu-1, team=payments").tag("tier", "gold"));

        client.captureLog("info", "order placed", Map.of("team", "checkout"));
        client.captureError(thrownAtOneSite(), ErrorContext.builder().put("orderId", 7).build());
        flush();

        assertEquals(Json.tree("{\"team\":\"checkout\",\"region\":\"eu-1\",\"tier\":\"gold\"}"),
                Json.tree(stub.awaitLogBodies(1).get(0)).get("metadata"));
        assertEquals(Json.tree("{\"orderId\":7,\"region\":\"eu-1\",\"team\":\"payments\",\"tier\":\"gold\"}"),
                metadataOfError(0, 1));
    }

    @Test
    void theServerNameIsSentOnErrorsAndDefaultsToTheLocalHostName() {
        client = clients.client(stub, b -> b.serverName(null));
        client.captureError(thrownAtOneSite());
        flush();

        String serverName = metadataOfError(0, 1).get("serverName").asString();
        assertEquals(client.config().serverName(), serverName);
        assertNotEquals("", serverName);
    }

    @Test
    void aGivenServerNameIsSentAndAnEmptyOneTurnsItOff() {
        SeeStackConfig named = TestClients.config(stub).serverName("web-7").build();
        SeeStackConfig off = TestClients.config(stub).serverName("").build();

        assertEquals("web-7", named.serverName());
        assertEquals("", off.serverName());
        assertEquals("from-env", SeeStackConfig.builder(n -> n.equals("SEESTACK_SERVER_NAME") ? "from-env" : null)
                .apiKey("k").host("http://127.0.0.1:1").build().serverName());
    }

    @Test
    void aHookRewritesMetadataOnAnSdkThreadNeverTheCallers() {
        List<String> threads = new CopyOnWriteArrayList<>();
        client(b -> b.beforeSendError(event -> {
            threads.add(Thread.currentThread().getName());
            event.metadata().remove("orderId");
            event.metadata().put("reviewed", event.fields().get("exceptionClass"));
            return event;
        }));

        client.captureError(thrownAtOneSite(), ErrorContext.builder().put("orderId", 7).build());
        flush();

        assertEquals(Json.tree("{\"reviewed\":\"java.lang.IllegalStateException\"}"), metadataOfError(0, 1));
        assertEquals(List.of("seestack-hooks"), threads);
    }

    @Test
    void aHookThatReturnsNullDropsTheEventAndItIsCounted() {
        client(b -> b.beforeSendLog(event -> event.fields().get("message").equals("noise") ? null : event));

        client.captureLog("info", "noise", null);
        client.captureLog("info", "signal", null);
        flush();

        assertEquals(List.of("signal"), stub.awaitLogBodies(1).stream()
                .map(b -> Json.tree(b).get("message").asString()).collect(java.util.stream.Collectors.toList()));
        FeatureStats logs = client.stats().logs();
        assertEquals(2, logs.captured());
        assertEquals(1, logs.droppedByHook());
        assertEquals(1, logs.sent());
        assertEquals(0, logs.pending());
    }

    @Test
    void anHttpRequestHookSeesTheItemsFieldsAndMayDropIt() {
        client(b -> b.projectId(FeatureFixtures.PROJECT_ID)
                .beforeSendHttpRequest(event -> "/health".equals(event.fields().get("path")) ? null : event));

        client.captureHttpRequest(dev.seestack.http.HttpRequestEvent.builder().method("GET").host("shop.example")
                .path("/health").statusCode(200).build());
        client.captureHttpRequest(dev.seestack.http.HttpRequestEvent.builder().method("GET").host("shop.example")
                .path("/orders").statusCode(200).build());
        flush();

        String batch = stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0);
        assertTrue(batch.contains("\"/orders\"") && !batch.contains("/health"), batch);
        FeatureStats http = client.stats().httpRequests();
        assertEquals(2, http.captured());
        assertEquals(1, http.droppedByHook());
        assertEquals(0, http.pending());
    }

    @Test
    void aHookThatThrowsLeavesTheEventAsItWasAndWarnsOnce() {
        client(b -> b.beforeSendError(event -> {
            event.metadata().put("half", "done");
            throw new IllegalStateException("hook bug");
        }));

        client.captureError(thrownAtOneSite(), ErrorContext.builder().put("orderId", 7).build());
        client.captureError(new IllegalArgumentException("second"), ErrorContext.builder().put("orderId", 8).build());
        flush();

        assertEquals(java.util.Set.of(Json.tree("{\"orderId\":7}"), Json.tree("{\"orderId\":8}")),
                java.util.Set.of(metadataOfError(0, 2), metadataOfError(1, 2)));
        assertEquals(1, clients.sink.containing("beforeSend hook for errors threw").size(), clients.sink.lines()
                .toString());
    }

    @Test
    void anIgnoredTypeIsNotSentAsAnErrorSubclassesIncludedAndIsCounted() {
        client(b -> b.ignoredExceptions("java.util.concurrent.CancellationException"));

        client.captureError(new CancellationException() { });
        client.captureError(thrownAtOneSite());
        flush();

        assertEquals(1, stub.awaitBodies(IngestStub.ERRORS, 1).size());
        FeatureStats errors = client.stats().errors();
        assertEquals(2, errors.captured());
        assertEquals(1, errors.droppedIgnored());
        assertEquals(1, errors.sent());
    }

    @Test
    void aBurstFromOneSiteSendsNAndTheNextOneSentCarriesTheSuppressedCount() {
        client(b -> b.maxErrorsPerGroupPerMinute(5));

        for (int i = 0; i < 50; i++) {
            client.captureError(thrownAtOneSite());
        }
        flush();
        assertEquals(5, stub.count(IngestStub.ERRORS));
        clients.scheduler.advance(60_000);
        client.captureError(thrownAtOneSite());
        flush();

        assertEquals(Json.tree("{\"suppressedSinceLast\":45}"), metadataOfError(5, 6));
        FeatureStats errors = client.stats().errors();
        assertEquals(51, errors.captured());
        assertEquals(45, errors.droppedRateLimited());
        assertEquals(6, errors.sent());
        assertEquals(0, errors.pending(), "every capture is accounted for: " + errors);
        assertEquals(0, dev.seestack.internal.ClientAccess.core(client).heldItems(
                dev.seestack.internal.event.Feature.ERRORS));
    }
}
