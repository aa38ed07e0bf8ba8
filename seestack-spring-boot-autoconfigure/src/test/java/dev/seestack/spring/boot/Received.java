package dev.seestack.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
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
