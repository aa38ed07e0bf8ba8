package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.http.HttpRequestEvent;
import dev.seestack.limits.anExceptionClassInThisPackageHasABinaryNameLongerThanTheTwoHundredFiftyFiveCharactersTheBackendStores.becauseItsPackageNameIsLongEnoughOnItsOwnThatTheSdkMustCutItBeforeSendingOrTheEventIsLostAfterAccepting.ExceptionWhoseBinaryNameIsLongerThanTheBackendStores;
import dev.seestack.testkit.BackendFingerprint;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bodies the real backend accepts, stores and groups correctly (PROTOCOL.md as corrected against the backend). */
@Timeout(60)
class BackendAcceptanceTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private SeeStackClient client;

    @BeforeEach
    void newClient() {
        client = new TestClients().client(stub, b -> b.projectId(FeatureFixtures.PROJECT_ID));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void errorsFromOneThrowSiteShareTheBackendsFingerprintWhateverTheirMessagesAndCauseMessages() throws Exception {
        for (String orderId : List.of("A-1", "B-2", "C-3")) {
            // a short stack (a thread's run method) puts the cause separator among the 5 frames the backend hashes
            Thread worker = new Thread(() -> {
                try {
                    placeOrder(orderId);
                } catch (IllegalStateException e) {
                    client.captureError(e);
                }
            });
            worker.start();
            worker.join();
        }
        client.flush();

        List<String> bodies = stub.awaitBodies(IngestStub.ERRORS, 3);
        Set<String> fingerprints = bodies.stream().map(BackendFingerprint::of).collect(Collectors.toSet());
        assertEquals(1, fingerprints.size(), bodies.stream().map(BackendFingerprint::material)
                .collect(Collectors.joining("\n")));
        String material = BackendFingerprint.material(bodies.get(0));
        assertTrue(material.matches("java\\.lang\\.IllegalStateException"
                + "\\|dev\\.seestack\\.BackendAcceptanceTest\\.placeOrder\\(BackendAcceptanceTest\\.java:\\d+\\)"
                + "\\|dev\\.seestack\\.BackendAcceptanceTest\\.lambda\\$.*\\|Caused by: java\\.sql\\.SQLException\\|.*"),
                material);
        Set<String> messages = new TreeSet<>();
        for (String body : bodies) {
            Map<String, Object> error = FeatureFixtures.object(body);
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) error.get("metadata");
            messages.add(error.get("message") + " / " + metadata.get("causes"));
        }
        assertEquals(new TreeSet<>(List.of("order A-1 failed / [java.sql.SQLException: lock timeout on A-1]",
                "order B-2 failed / [java.sql.SQLException: lock timeout on B-2]",
                "order C-3 failed / [java.sql.SQLException: lock timeout on C-3]")), messages);
    }

    private static void placeOrder(String orderId) {
        throw new IllegalStateException("order " + orderId + " failed", new SQLException("lock timeout on " + orderId));
    }

    @Test
    void sendsBareFramesAndCauseSeparatorsNamingTheClassWithTheCauseMessagesInMetadata() {
        SQLException cause = new SQLException("lock timeout");
        cause.setStackTrace(new StackTraceElement[] {frame("com.acme.Db", "query", 9), frame("java.lang.Thread", "run", 833)});
        IllegalStateException error = new IllegalStateException("order 7 failed", cause);
        error.setStackTrace(new StackTraceElement[] {frame("com.acme.Orders", "place", 42),
            frame("java.lang.Thread", "run", 833)});

        client.captureError(error);
        client.flush();

        assertEquals("{\"exceptionClass\":\"java.lang.IllegalStateException\",\"message\":\"order 7 failed\","
                + "\"stackTrace\":[\"com.acme.Orders.place(Orders.java:42)\",\"java.lang.Thread.run(Thread.java:833)\","
                + "\"Caused by: java.sql.SQLException\",\"com.acme.Db.query(Db.java:9)\",\"... 1 more\"],"
                + "\"level\":\"error\",\"environment\":\"test\",\"release\":\"1.0.0\","
                + "\"metadata\":{\"causes\":[\"java.sql.SQLException: lock timeout\"]}}",
                stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
    }

    @Test
    void textMadeOnlyOfCharactersUpToU0020IsBlankForLogsErrorsAndHttpItems() {
        client.captureLog("info", "\u0001\u0000 \t", null);
        RuntimeException error = new RuntimeException("\u0001\u0000");
        error.setStackTrace(new StackTraceElement[] {frame("com.acme.Orders", "place", 42)});
        client.captureError(error);
        client.captureHttpRequest(HttpRequestEvent.builder().method("GET").host("\u0002").path("/a").build());
        client.captureHttpRequest(HttpRequestEvent.builder().method("GET").host("shop.example").path("\u0001")
                .traceId("\u0001").statusCode(200).timestamp(Instant.parse("2026-03-31T12:00:00Z")).build());
        client.flush();

        assertEquals("{\"exceptionClass\":\"java.lang.RuntimeException\",\"message\":\"java.lang.RuntimeException\","
                + "\"stackTrace\":[\"com.acme.Orders.place(Orders.java:42)\"],\"level\":\"error\","
                + "\"environment\":\"test\",\"release\":\"1.0.0\"}", stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
        PollUntil.await("http batch", () -> stub.count(IngestStub.HTTP_REQUESTS) == 1);
        List<Map<String, Object>> items = FeatureFixtures.allItems(stub);
        assertEquals(1, items.size());
        String traceId = (String) items.get(0).get("traceId");
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        assertEquals("{\"projectId\":\"" + FeatureFixtures.PROJECT_ID + "\",\"requests\":[{\"traceId\":\"" + traceId
                + "\",\"direction\":\"inbound\",\"method\":\"GET\",\"host\":\"shop.example\",\"path\":\"/\","
                + "\"statusCode\":200,\"durationMs\":0,\"requestSize\":0,\"responseSize\":0,"
                + "\"timestamp\":\"2026-03-31T12:00:00.000Z\"}]}", stub.bodies(IngestStub.HTTP_REQUESTS).get(0));
        assertEquals(0, stub.count(IngestStub.LOGS));
        assertEquals(1, client.stats().logs().rejected());
        assertEquals(1, client.stats().httpRequests().rejected());
    }

    @Test
    void removesU0000FromEveryString() {
        client.captureLog("info", "a\u0000b", Map.of("k\u0000ey", "v\u0000al"));
        RuntimeException error = new RuntimeException("bro\u0000ken");
        error.setStackTrace(new StackTraceElement[] {frame("com.acme.Orders", "place", 42)});
        client.captureError(error, ErrorContext.builder().put("note", "\u0000x").build());
        client.flush();

        assertEquals(List.of("{\"level\":\"info\",\"message\":\"ab\",\"metadata\":{\"key\":\"val\"}}"),
                stub.awaitLogBodies(1));
        assertEquals("{\"exceptionClass\":\"java.lang.RuntimeException\",\"message\":\"broken\","
                + "\"stackTrace\":[\"com.acme.Orders.place(Orders.java:42)\"],\"level\":\"error\","
                + "\"environment\":\"test\",\"release\":\"1.0.0\",\"metadata\":{\"note\":\"x\"}}",
                stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
    }

    @Test
    void cutsAnExceptionClassTo255AndAnEnvironmentTo100CharactersInsteadOfDroppingTheError() {
        client = replaceWith(b -> b.environment("staging-" + "e".repeat(150)));
        RuntimeException error = new ExceptionWhoseBinaryNameIsLongerThanTheBackendStores();
        error.setStackTrace(new StackTraceElement[] {frame("com.acme.Orders", "place", 42)});
        client.captureError(error);
        client.flush();

        Map<String, Object> body = FeatureFixtures.object(stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
        String exceptionClass = (String) body.get("exceptionClass");
        assertTrue(error.getClass().getName().length() > 255);
        assertEquals(255, exceptionClass.length());
        assertTrue(exceptionClass.startsWith("dev.seestack.limits.anExceptionClassInThisPackage")
                && exceptionClass.endsWith("…[truncated]"), exceptionClass);
        String environment = (String) body.get("environment");
        assertEquals(100, environment.length());
        assertTrue(environment.startsWith("staging-eee") && environment.endsWith("…[truncated]"), environment);
        assertEquals(1, client.stats().errors().sent());
    }

    @Test
    void countsAndDropsOnlyTheHttpItemsTheBackendWouldRefuseAndSendsTheRestInOneBatch() {
        Instant at = Instant.parse("2026-03-31T12:00:00Z");
        client.captureHttpRequest(item("GET", 200, at).path("/ok-1").build());
        client.captureHttpRequest(item("TRACE", 200, at).path("/trace").build());
        client.captureHttpRequest(item("post", 0, at).path("/ok-2").build());
        client.captureHttpRequest(item("PROPFIND", 207, at).path("/webdav").build());
        client.captureHttpRequest(item("GET", 600, at).path("/status-600").build());
        client.captureHttpRequest(item("GET", 99, at).path("/status-99").build());
        client.captureHttpRequest(item("GET", 200, Instant.MIN).path("/min").build());
        client.captureHttpRequest(item("GET", 200, Instant.MAX).path("/max").build());
        client.captureHttpRequest(item("GET", 200, Instant.parse("1899-12-31T23:59:59.999Z")).path("/1899").build());
        client.captureHttpRequest(item("GET", 200, Instant.parse("2300-01-01T00:00:00Z")).path("/2300").build());
        client.captureHttpRequest(item("DELETE", 599, Instant.parse("1900-01-01T00:00:00Z")).path("/ok-3").build());
        client.flush();

        stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1);
        assertEquals(List.of("{\"projectId\":\"" + FeatureFixtures.PROJECT_ID + "\",\"requests\":["
                + httpJson("GET", "/ok-1", 200, "2026-03-31T12:00:00.000Z") + ","
                + httpJson("POST", "/ok-2", 0, "2026-03-31T12:00:00.000Z") + ","
                + httpJson("DELETE", "/ok-3", 599, "1900-01-01T00:00:00.000Z") + "]}"),
                stub.bodies(IngestStub.HTTP_REQUESTS));
        FeatureStats http = client.stats().httpRequests();
        assertEquals(11, http.captured());
        assertEquals(3, http.sent());
        assertEquals(8, http.rejected());
    }

    @Test
    void countsHttpItemsAndHeartbeatsHandedOverAfterCloseAsDroppedWhileDisabled() {
        client.close();
        client.captureHttpRequest(item("GET", 200, Instant.parse("2026-03-31T12:00:00Z")).build());
        client.finishJob(dev.seestack.cron.JobHandle.start("nightly-report"), dev.seestack.cron.JobStatus.SUCCESS, null);

        assertEquals(1, client.stats().httpRequests().captured());
        assertEquals(1, client.stats().httpRequests().droppedDisabled());
        assertEquals(1, client.stats().heartbeats().captured());
        assertEquals(1, client.stats().heartbeats().droppedDisabled());
        assertEquals(0, stub.count(IngestStub.HTTP_REQUESTS) + stub.count(IngestStub.HEARTBEAT));
    }

    private SeeStackClient replaceWith(java.util.function.Consumer<SeeStackConfig.Builder> customize) {
        client.close();
        return new TestClients().client(stub, customize);
    }

    private static HttpRequestEvent.Builder item(String method, int status, Instant timestamp) {
        return HttpRequestEvent.builder().method(method).host("shop.example").traceId("t-" + status)
                .statusCode(status).durationMs(5).timestamp(timestamp);
    }

    private static String httpJson(String method, String path, int status, String timestamp) {
        return "{\"traceId\":\"t-" + status + "\",\"direction\":\"inbound\",\"method\":\"" + method + "\","
                + "\"host\":\"shop.example\",\"path\":\"" + path + "\",\"statusCode\":" + status + ",\"durationMs\":5,"
                + "\"requestSize\":0,\"responseSize\":0,\"timestamp\":\"" + timestamp + "\"}";
    }

    private static StackTraceElement frame(String className, String method, int line) {
        return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1) + ".java",
                line);
    }
}
