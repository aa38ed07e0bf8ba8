package dev.seestack.examples.collector;

import static dev.seestack.examples.collector.CollectorHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.examples.collector.CollectorHttp.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IngestEndpointsTest {
    static final String LOGS = "/ingest/v1/logs";
    static final String ERRORS = "/ingest/v1/errors";
    static final String HTTP = "/ingest/v1/http-requests";
    static final String HEARTBEAT = "/ingest/v1/heartbeat";

    static final String VALID_LOG = "{\"level\":\"info\",\"message\":\"order placed\",\"service\":\"shop\","
            + "\"traceId\":\"t-1\",\"metadata\":{\"userId\":\"u-7\"}}";
    static final String VALID_ERROR = "{\"exceptionClass\":\"java.lang.IllegalStateException\",\"message\":\"boom\","
            + "\"stackTrace\":[\"com.acme.Orders.place(Orders.java:42)\"],\"level\":\"error\","
            + "\"environment\":\"development\",\"user\":{\"id\":\"u-7\"},\"metadata\":{\"traceId\":\"t-2\"}}";
    static final String HTTP_ITEM = "{\"traceId\":\"t-3\",\"direction\":\"inbound\",\"method\":\"GET\","
            + "\"host\":\"shop.local\",\"path\":\"/orders\",\"statusCode\":200,\"durationMs\":12,\"requestSize\":0,"
            + "\"responseSize\":512,\"timestamp\":\"2026-03-31T12:00:00.000Z\"}";
    static final String VALID_HTTP = "{\"projectId\":\"" + UUID.randomUUID() + "\",\"requests\":[" + HTTP_ITEM + ","
            + HTTP_ITEM + "]}";
    static final String VALID_HEARTBEAT = "{\"slug\":\"nightly-report\",\"status\":\"success\",\"durationMs\":1520}";

    private static LocalCollector collector;
    private static CollectorHttp http;

    @BeforeAll
    static void startCollector() {
        collector = LocalCollector.start(quiet().build());
        http = new CollectorHttp(collector);
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    static CollectorOptions.Builder quiet() {
        return CollectorOptions.builder().port(0).out(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    @Test
    void acceptsLogWithEnvelopeCarryingNewUuid() {
        Answer answer = http.post(LOGS, VALID_LOG);

        assertEquals(202, answer.status());
        JsonNode body = answer.envelopeWithoutMeta();
        assertEquals(2, body.size(), body.toString());
        assertEquals(true, body.path("success").asBoolean());
        assertEquals(1, body.path("data").size(), body.toString());
        assertTrue(CollectorHttp.UUID_PATTERN.matcher(body.path("data").path("id").asString()).matches());
    }

    @Test
    void acceptsErrorWithEnvelopeCarryingNewUuid() {
        Answer answer = http.post(ERRORS, VALID_ERROR);

        assertEquals(202, answer.status());
        JsonNode body = answer.envelopeWithoutMeta();
        assertEquals(json("{\"success\":true,\"data\":{\"id\":\"" + body.path("data").path("id").asString() + "\"}}"),
                body);
        assertTrue(CollectorHttp.UUID_PATTERN.matcher(body.path("data").path("id").asString()).matches());
    }

    @Test
    void acceptsHttpRequestBatchWithRawAcceptedCount() {
        Answer answer = http.post(HTTP, VALID_HTTP);

        assertEquals(202, answer.status());
        assertEquals(json("{\"ok\":true,\"accepted\":2}"), answer.json());
    }

    @Test
    void acceptsHeartbeatWithRawMonitorIdThatIsStablePerSlug() {
        Answer first = http.post(HEARTBEAT, VALID_HEARTBEAT);
        Answer second = http.post(HEARTBEAT, VALID_HEARTBEAT.replace("success", "failed"));

        assertEquals(202, first.status());
        String monitorId = first.json().path("monitorId").asString();
        assertTrue(CollectorHttp.UUID_PATTERN.matcher(monitorId).matches(), first.body());
        assertEquals(json("{\"ok\":true,\"monitorId\":\"" + monitorId + "\"}"), first.json());
        assertEquals(first.json(), second.json());
    }

    @Test
    void rejectsLogBreakingTheContractWith422FieldErrors() {
        Answer answer = http.post(LOGS, "{\"level\":\"warning\",\"message\":\" \\u0001 \",\"color\":\"red\"}");

        assertEquals(422, answer.status());
        assertEquals(json("{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Validation failed\","
                + "\"details\":{\"color\":\"is not a field of the contract\","
                + "\"level\":\"must be one of 'debug', 'info', 'warn', 'error', 'fatal'\","
                + "\"message\":\"must not be blank\"}}}"), answer.envelopeWithoutMeta());
    }

    @Test
    void rejectsErrorWithoutRequiredFieldsNamingEachField() {
        Answer answer = http.post(ERRORS, "{\"level\":\"error\",\"user\":{\"id\":7}}");

        assertEquals(422, answer.status());
        assertEquals(json("{\"exceptionClass\":\"is required\",\"message\":\"is required\","
                + "\"user.id\":\"must be a string, was integer\"}"),
                answer.envelopeWithoutMeta().path("error").path("details"));
    }

    @Test
    void rejectsHttpItemWithQueryInPathWithRawMessageNamingTheItem() {
        Answer answer = http.post(HTTP, VALID_HTTP.replaceFirst("/orders", "/orders?page=2"));

        assertEquals(422, answer.status());
        assertEquals(json("{\"ok\":false,\"code\":\"VALIDATION_ERROR\","
                + "\"message\":\"Requests[0].path must match ^[^?#]+$\"}"), answer.json());
    }

    @Test
    void rejectsEmptyHttpBatchWithRawValidationError() {
        Answer answer = http.post(HTTP, "{\"projectId\":\"" + UUID.randomUUID() + "\",\"requests\":[]}");

        assertEquals(422, answer.status());
        assertEquals(json("{\"ok\":false,\"code\":\"VALIDATION_ERROR\","
                + "\"message\":\"Requests must contain at least 1 item(s)\"}"), answer.json());
    }

    @Test
    void rejectsHeartbeatWithUnknownStatusWithTheContractsMessage() {
        Answer answer = http.post(HEARTBEAT, "{\"slug\":\"nightly-report\",\"status\":\"ok\",\"durationMs\":5}");

        assertEquals(422, answer.status());
        assertEquals(json("{\"ok\":false,\"code\":\"VALIDATION_ERROR\","
                + "\"message\":\"Status must be 'success' or 'failed'\"}"), answer.json());
    }

    @Test
    void rejectsWrongOrMissingKeyWith401EnvelopeOnEveryEndpoint() {
        for (String path : new String[] {LOGS, ERRORS, HTTP, HEARTBEAT}) {
            for (String key : new String[] {"wrong-key", null}) {
                Answer answer = http.post(path, key, VALID_LOG);

                assertEquals(401, answer.status(), path + " with key " + key);
                JsonNode body = answer.envelopeWithoutMeta();
                assertEquals(json("{\"success\":false,\"error\":{\"code\":\"INVALID_API_KEY\","
                        + "\"message\":\"Missing or invalid API key in X-SeeStack-Key\"}}"), body, path);
            }
        }
    }

    @Test
    void rejectsMalformedJsonWith400InTheEndpointsStyle() {
        Answer log = http.post(LOGS, "{\"level\":\"info\",");
        Answer heartbeat = http.post(HEARTBEAT, "not json");

        assertEquals(400, log.status());
        assertEquals(json("{\"success\":false,\"error\":{\"code\":\"MALFORMED_JSON\","
                + "\"message\":\"Request body is not valid JSON\"}}"), log.envelopeWithoutMeta());
        assertEquals(400, heartbeat.status());
        assertEquals(json("{\"ok\":false,\"code\":\"MALFORMED_JSON\",\"message\":\"Request body is not valid JSON\"}"),
                heartbeat.json());
    }

    @Test
    void answersUnknownMonitorWith404WhenMonitorsAreConfigured() {
        try (LocalCollector own = LocalCollector.start(quiet().knownMonitors(Set.of("nightly-report"))
                .build())) {
            CollectorHttp ownHttp = new CollectorHttp(own);

            Answer known = ownHttp.post(HEARTBEAT, VALID_HEARTBEAT);
            Answer unknown = ownHttp.post(HEARTBEAT, VALID_HEARTBEAT.replace("nightly-report", "weekly-backup"));

            assertEquals(202, known.status());
            assertEquals(404, unknown.status());
            assertEquals(json("{\"ok\":false,\"code\":\"NOT_FOUND\","
                    + "\"message\":\"No cron monitor found with slug: weekly-backup\"}"), unknown.json());
            assertEquals(1, own.summary().rejected(404));
        }
    }
}
