package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.http.HttpRequestEvent;
import dev.seestack.testkit.IngestStub;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

/** Which user an event carries: its own, then the request thread's, then the global one, field by field. */
@Timeout(30)
class UserContextTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private SeeStackClient client;

    @BeforeEach
    void newClient() {
        client = new TestClients().client(stub, b -> b.projectId(FeatureFixtures.PROJECT_ID));
        client.setUser(User.of("g-1", "global@example.com", "10.0.0.1"));
    }

    @AfterEach
    void close() {
        MDC.remove("userId");
        client.close();
    }

    @Test
    void theGlobalUserFillsUserIdOnHttpItemsUnlessTheRequestHasItsOwn() {
        client.captureHttpRequest(request("/anonymous").build());
        client.captureHttpRequest(request("/own").userId("own-2").build());
        client.flush();

        assertEquals("{\"projectId\":\"" + FeatureFixtures.PROJECT_ID + "\",\"requests\":["
                + item("/anonymous", "g-1") + "," + item("/own", "own-2") + "]}",
                stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0));
    }

    @Test
    void theMdcUserIdOnTheRequestThreadWinsOverTheGlobalUser() {
        MDC.put("userId", "mdc-3");
        client.captureHttpRequest(request("/in-request").build());
        client.captureError(error("in a request"));
        client.flush();

        assertEquals("{\"projectId\":\"" + FeatureFixtures.PROJECT_ID + "\",\"requests\":["
                + item("/in-request", "mdc-3") + "]}", stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0));
        assertEquals(errorJson("in a request", "{\"id\":\"mdc-3\",\"email\":\"global@example.com\",\"ip\":\"10.0.0.1\"}"),
                stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
    }

    @Test
    void aPerEventUserSupplementsTheGlobalOneFieldByField() {
        client.captureError(error("own email"),
                ErrorContext.builder().user(User.of(null, "own@example.com", null)).build());
        client.flush();

        assertEquals(errorJson("own email", "{\"id\":\"g-1\",\"email\":\"own@example.com\",\"ip\":\"10.0.0.1\"}"),
                stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
    }

    @Test
    void aPerEventUserIdWinsOverTheRequestThreadsAndTheGlobalOne() {
        MDC.put("userId", "mdc-3");
        try (SeeStackContext.Scope scope = SeeStackContext.withUserId("ctx-4")) {
            client.captureError(error("own id"), ErrorContext.builder().user(User.ofId("own-5")).build());
            client.captureError(error("context id"));
        }
        client.flush();

        java.util.List<String> bodies = stub.awaitBodies(IngestStub.ERRORS, 2);
        assertEquals(java.util.Set.of(
                errorJson("own id", "{\"id\":\"own-5\",\"email\":\"global@example.com\",\"ip\":\"10.0.0.1\"}"),
                errorJson("context id", "{\"id\":\"ctx-4\",\"email\":\"global@example.com\",\"ip\":\"10.0.0.1\"}")),
                new java.util.HashSet<>(bodies));
    }

    private static HttpRequestEvent.Builder request(String path) {
        return HttpRequestEvent.builder().method("GET").host("shop.example").path(path).traceId("t-1").statusCode(200)
                .timestamp(Instant.parse("2026-03-31T12:00:00Z"));
    }

    private static String item(String path, String userId) {
        return "{\"traceId\":\"t-1\",\"direction\":\"inbound\",\"method\":\"GET\",\"host\":\"shop.example\","
                + "\"path\":\"" + path + "\",\"statusCode\":200,\"durationMs\":0,\"requestSize\":0,\"responseSize\":0,"
                + "\"userId\":\"" + userId + "\",\"timestamp\":\"2026-03-31T12:00:00.000Z\"}";
    }

    private static RuntimeException error(String message) {
        RuntimeException e = new RuntimeException(message);
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Orders", "place", "Orders.java", 42)});
        return e;
    }

    private static String errorJson(String message, String user) {
        return "{\"exceptionClass\":\"java.lang.RuntimeException\",\"message\":\"" + message + "\","
                + "\"stackTrace\":[\"com.acme.Orders.place(Orders.java:42)\"],\"level\":\"error\","
                + "\"environment\":\"test\",\"release\":\"1.0.0\",\"user\":" + user + "}";
    }
}
