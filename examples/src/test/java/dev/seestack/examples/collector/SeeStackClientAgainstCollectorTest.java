package dev.seestack.examples.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.PollUntil;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

class SeeStackClientAgainstCollectorTest {
    @Test
    @Timeout(60)
    void acceptsLogAndErrorFromRealClientAndCountsThem() {
        try (LocalCollector collector = LocalCollector.start(IngestEndpointsTest.quiet().build());
                SeeStackClient client = SeeStackClient.create(SeeStackConfig.builder(name -> null)
                        .apiKey(CollectorOptions.DEFAULT_API_KEY).host(collector.url()).environment("development")
                        .flushIntervalMs(200).build())) {
            client.captureLog("info", "order placed", Map.of("traceId", "trace-42", "orderId", 7));
            client.captureError(new IllegalStateException("payment declined"));
            client.flush();

            CollectorSummary summary = PollUntil.awaitValue(Duration.ofSeconds(20), collector::summary,
                    s -> s.accepted(EventKind.LOG) == 1 && s.accepted(EventKind.ERROR) == 1);

            assertEquals(0, summary.validationFailures(), summary.toString());
            assertTrue(summary.rejectedByStatus().isEmpty(), summary.toString());
            JsonNode log = CollectorHttp.json(collector.receivedBodies(EventKind.LOG).get(0));
            assertEquals("info", log.path("level").asString());
            assertEquals("order placed", log.path("message").asString());
            assertEquals("trace-42", log.path("traceId").asString());
            JsonNode error = CollectorHttp.json(collector.receivedBodies(EventKind.ERROR).get(0));
            assertEquals("java.lang.IllegalStateException", error.path("exceptionClass").asString());
            assertEquals("payment declined", error.path("message").asString());
            assertTrue(client.isEnabled(), "the collector's answers keep the client enabled");
        }
    }

    @Test
    @Timeout(60)
    void wrongKeyDisablesTheRealClientAsTheBackendWould() {
        try (LocalCollector collector = LocalCollector.start(IngestEndpointsTest.quiet().build());
                SeeStackClient client = SeeStackClient.create(SeeStackConfig.builder(name -> null)
                        .apiKey("not-the-key").host(collector.url()).environment("development")
                        .flushIntervalMs(200).build())) {
            client.captureError(new IllegalStateException("payment declined"));
            client.flush();

            PollUntil.await(Duration.ofSeconds(20), "client disabled by 401", () -> !client.isEnabled());

            assertEquals(1, collector.summary().rejected(401));
            assertEquals(0, collector.summary().accepted(EventKind.ERROR));
        }
    }
}
