package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The client's {@code service}: sent with every log and error that names none itself. */
@Timeout(60)
class ServiceOptionTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private final TestClients clients = new TestClients();
    private SeeStackClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void capturedErrorsAndLogsCarryTheClientsServiceUnlessTheyOrTheContextNameOne() {
        client = clients.client(stub, b -> b.service("orders-api"));

        client.captureError(new IllegalStateException("plain"));
        client.captureError(new IllegalStateException("own"), ErrorContext.builder().put("service", "billing").build());
        try (SeeStackContext.Scope scope = SeeStackContext.with(null, "checkout", null)) {
            client.captureError(new IllegalStateException("in context"));
            client.captureLog("info", "context log", null);
        }
        client.captureLog("info", "plain log", null);
        client.captureLog("info", "own log", Map.of("service", "billing"));
        client.flush(Duration.ofSeconds(10)); // speeds delivery up; the stub waits for what must arrive

        Map<String, String> errors = byMessage(stub.awaitBodies(IngestStub.ERRORS, 3), e -> e.path("metadata"));
        assertEquals(Map.of("plain", "orders-api", "own", "billing", "in context", "checkout"), errors);
        Map<String, String> logs = byMessage(stub.awaitLogBodies(3), e -> e);
        assertEquals(Map.of("plain log", "orders-api", "own log", "billing", "context log", "checkout"), logs);
    }

    @Test
    void withoutTheOptionNothingIsAdded() {
        client = clients.client(stub, b -> { });

        client.captureError(new IllegalStateException("plain"));
        client.captureLog("info", "plain log", null);
        client.flush(Duration.ofSeconds(10)); // speeds delivery up; the stub waits for what must arrive

        assertFalse(Json.tree(stub.awaitBodies(IngestStub.ERRORS, 1).get(0)).path("metadata").has("service"));
        assertFalse(Json.tree(stub.awaitLogBodies(1).get(0)).has("service"));
    }

    private static Map<String, String> byMessage(List<String> bodies,
            java.util.function.Function<JsonNode, JsonNode> serviceHolder) {
        return bodies.stream().map(Json::tree).collect(Collectors.toMap(b -> b.get("message").asString(),
                b -> serviceHolder.apply(b).path("service").asString("none")));
    }
}
