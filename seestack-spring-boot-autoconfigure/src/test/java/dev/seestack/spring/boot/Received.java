package dev.seestack.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the stub received, looked up by path or message, waiting until it arrived. */
final class Received {
    private Received() {
    }

    /** The one inbound item whose path is {@code path}, once it arrived. */
    static JsonNode item(IngestStub stub, String path) {
        List<JsonNode> found = PollUntil.awaitValue(Duration.ofSeconds(15), () -> items(stub, path), l -> !l.isEmpty());
        return found.get(0);
    }

    /** The inbound item of {@code path} whose trace id is {@code traceId}, once it arrived. */
    static JsonNode item(IngestStub stub, String path, String traceId) {
        return PollUntil.awaitValue(Duration.ofSeconds(15), () -> {
            List<JsonNode> found = items(stub, path);
            found.removeIf(item -> !traceId.equals(item.get("traceId").asText()));
            return found;
        }, l -> !l.isEmpty()).get(0);
    }

    /**
     * The inbound item of a request answered with an error page ({@code response}), once it arrived, checked to
     * carry the page's status and the bytes actually sent.
     */
    static JsonNode errorPageItem(IngestStub stub, String path, HttpResponse<String> response) {
        return checkedErrorPage(item(stub, path), response);
    }

    /** {@link #errorPageItem(IngestStub, String, HttpResponse)} of the request whose trace id is {@code traceId}. */
    static JsonNode errorPageItem(IngestStub stub, String path, String traceId, HttpResponse<String> response) {
        return checkedErrorPage(item(stub, path, traceId), response);
    }

    private static JsonNode checkedErrorPage(JsonNode item, HttpResponse<String> response) {
        assertEquals(response.statusCode(), item.get("statusCode").asInt(), item.toString());
        assertTrue(response.body().length() > 0, "the error page has a body");
        assertEquals(response.body().getBytes(StandardCharsets.UTF_8).length, item.get("responseSize").asInt(),
                item.toString());
        return item;
    }

    /** The one log whose message is {@code message}, once it arrived. */
    static JsonNode log(IngestStub stub, String message) {
        return PollUntil.awaitValue(Duration.ofSeconds(15), () -> StubBackend.logsWithMessage(stub, message),
                l -> !l.isEmpty()).get(0);
    }

    /** The errors whose message contains {@code message}, once at least one arrived. */
    static List<JsonNode> errors(IngestStub stub, String message) {
        return PollUntil.awaitValue(Duration.ofSeconds(15), () -> {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode e : StubBackend.json(stub.bodies(IngestStub.ERRORS))) {
                if (e.get("message").asText().contains(message)) {
                    found.add(e);
                }
            }
            return found;
        }, l -> !l.isEmpty());
    }

    static List<JsonNode> items(IngestStub stub, String path) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode batch : StubBackend.json(stub.bodies(IngestStub.HTTP_REQUESTS))) {
            for (JsonNode item : batch.get("requests")) {
                if (path.equals(item.get("path").asText())) {
                    found.add(item);
                }
            }
        }
        return found;
    }
}
