package dev.seestack.reliability;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an {@link IngestStub} really accepted: requests answered 2xx (not the 503s, 429s, resets before them). */
final class Served {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Served() {
    }

    /** Bodies on {@code path} that were answered with a 2xx status and no injected fault. */
    static List<String> accepted(IngestStub stub, String path) {
        return events(stub, path).stream()
                .filter(e -> e.getResponse() != null && e.getResponse().getFault() == null
                        && e.getResponse().getStatus() >= 200 && e.getResponse().getStatus() < 300)
                .map(e -> e.getRequest().getBodyAsString())
                .collect(Collectors.toList());
    }

    /** Every request received on {@code path}, whatever it was answered. */
    static List<ServeEvent> events(IngestStub stub, String path) {
        return stub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path))
                .collect(Collectors.toList());
    }

    /** Waits until {@code n} requests on {@code path} were accepted (WireMock journals a moment after answering). */
    static List<String> awaitAccepted(IngestStub stub, String path, long n) {
        PollUntil.await(Duration.ofSeconds(20), n + " accepted requests on " + path,
                () -> accepted(stub, path).size() >= n);
        return accepted(stub, path);
    }

    /** The {@code message} field of each body. */
    static List<String> messages(List<String> bodies) {
        return bodies.stream().map(b -> json(b).get("message").asText()).collect(Collectors.toList());
    }

    /** Messages that occur more than once among {@code bodies}, with their counts. */
    static Map<String, Integer> duplicates(List<String> bodies) {
        Map<String, Integer> counts = new HashMap<>();
        for (String m : messages(bodies)) {
            counts.merge(m, 1, Integer::sum);
        }
        counts.values().removeIf(c -> c == 1);
        return counts;
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
