package dev.seestack.examples.collector;

import static dev.seestack.examples.collector.IngestEndpointsTest.ERRORS;
import static dev.seestack.examples.collector.IngestEndpointsTest.HEARTBEAT;
import static dev.seestack.examples.collector.IngestEndpointsTest.HTTP;
import static dev.seestack.examples.collector.IngestEndpointsTest.LOGS;
import static dev.seestack.examples.collector.IngestEndpointsTest.VALID_ERROR;
import static dev.seestack.examples.collector.IngestEndpointsTest.VALID_HEARTBEAT;
import static dev.seestack.examples.collector.IngestEndpointsTest.VALID_HTTP;
import static dev.seestack.examples.collector.IngestEndpointsTest.VALID_LOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CollectorRecordingTest {
    @TempDir
    Path dir;

    @Test
    void countsAcceptedEventsPerKindAndRejectionsInSummary() {
        try (LocalCollector collector = LocalCollector.start(IngestEndpointsTest.quiet().build())) {
            CollectorHttp http = new CollectorHttp(collector);
            http.post(LOGS, VALID_LOG);
            http.post(LOGS, VALID_LOG);
            http.post(ERRORS, VALID_ERROR);
            http.post(HTTP, VALID_HTTP);
            http.post(HEARTBEAT, VALID_HEARTBEAT);
            http.post(LOGS, "{\"level\":\"loud\",\"message\":\"x\"}");
            http.post(LOGS, "wrong-key", VALID_LOG);
            http.post(ERRORS, "{");

            CollectorSummary summary = collector.summary();

            assertEquals(2, summary.accepted(EventKind.LOG));
            assertEquals(1, summary.accepted(EventKind.ERROR));
            assertEquals(2, summary.accepted(EventKind.HTTP_REQUEST), "HTTP items are counted one by one");
            assertEquals(1, summary.accepted(EventKind.HEARTBEAT));
            assertEquals(1, summary.validationFailures(EventKind.LOG));
            assertEquals(1, summary.validationFailures());
            assertEquals(Map.of(400, 1L, 401, 1L, 422, 1L), summary.rejectedByStatus());
            assertTrue(summary.toText().contains("log        accepted      2   contract violations    1"),
                    summary.toText());
            assertEquals(List.of(VALID_LOG, VALID_LOG), collector.receivedBodies(EventKind.LOG));
            assertEquals(List.of(VALID_HTTP), collector.receivedBodies(EventKind.HTTP_REQUEST));
        }
    }

    @Test
    void printsOneReadableLinePerAcceptedEvent() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CollectorOptions options = CollectorOptions.builder().port(0)
                .out(new PrintStream(printed, true, StandardCharsets.UTF_8)).build();
        try (LocalCollector collector = LocalCollector.start(options)) {
            CollectorHttp http = new CollectorHttp(collector);
            http.post(LOGS, VALID_LOG);
            http.post(ERRORS, VALID_ERROR);
            http.post(HTTP, VALID_HTTP);
            http.post(HEARTBEAT, VALID_HEARTBEAT);
        }

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();

        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).endsWith("LOG       info order placed  trace=t-1  user=u-7  service=shop"),
                lines.get(0));
        assertTrue(lines.get(1).endsWith("ERROR     error java.lang.IllegalStateException: boom  trace=t-2  user=u-7"),
                lines.get(1));
        assertTrue(lines.get(2).endsWith("HTTP      inbound GET shop.local/orders 200 12ms  trace=t-3"), lines.get(2));
        assertTrue(lines.get(4).endsWith("HEARTBEAT nightly-report success 1520ms"), lines.get(4));
    }

    @Test
    void writesEveryReceivedBodyToTheJsonlFileWithItsStatus() throws Exception {
        Path file = dir.resolve("received.jsonl");
        try (LocalCollector collector = LocalCollector.start(IngestEndpointsTest.quiet().jsonlFile(file).build())) {
            CollectorHttp http = new CollectorHttp(collector);
            http.post(LOGS, VALID_LOG);
            http.post(HEARTBEAT, "{\"slug\":\"Bad Slug\",\"status\":\"success\",\"durationMs\":1}");
            http.post(ERRORS, "{oops");
        }

        List<String> lines = Files.readAllLines(file);

        assertEquals(3, lines.size(), String.join("\n", lines));
        JsonNode log = CollectorHttp.json(lines.get(0));
        assertEquals(LOGS, log.path("path").asString());
        assertEquals(202, log.path("status").asInt());
        assertEquals(CollectorHttp.json(VALID_LOG), log.path("body"));
        JsonNode heartbeat = CollectorHttp.json(lines.get(1));
        assertEquals(422, heartbeat.path("status").asInt());
        assertEquals("Bad Slug", heartbeat.path("body").path("slug").asString());
        JsonNode malformed = CollectorHttp.json(lines.get(2));
        assertEquals(400, malformed.path("status").asInt());
        assertEquals("{oops", malformed.path("rawBody").asString());
    }
}
