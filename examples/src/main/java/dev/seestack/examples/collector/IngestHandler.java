package dev.seestack.examples.collector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves one ingest endpoint as the backend does: API key check (401), JSON parsing (400), contract
 * validation (422), unknown cron monitor (404, heartbeat only), then 202 with the endpoint's answer shape.
 */
final class IngestHandler implements HttpHandler {
    /** Largest body accepted, in bytes; larger ones get 413. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final String API_KEY_HEADER = "X-SeeStack-Key";

    private final EventKind kind;
    private final CollectorOptions options;
    private final ObjectMapper mapper;
    private final ContractValidator validator;
    private final ResponseWriter responses;
    private final CollectorCounters counters;
    private final ReceivedBodies received;
    private final EventPrinter printer;
    private final JsonlRecorder jsonl;

    IngestHandler(EventKind kind, CollectorOptions options, ObjectMapper mapper, ContractValidator validator,
            CollectorCounters counters, ReceivedBodies received, EventPrinter printer, JsonlRecorder jsonl) {
        this.kind = kind;
        this.options = options;
        this.mapper = mapper;
        this.validator = validator;
        this.responses = new ResponseWriter(mapper);
        this.counters = counters;
        this.received = received;
        this.printer = printer;
        this.jsonl = jsonl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange);
        } catch (RuntimeException e) {
            counters.rejected(500);
            printer.rejected(kind.path(), 500, "collector failure: " + e);
            responses.send(exchange, 500, responses.envelopeFailure("INTERNAL_ERROR", "Internal error", null));
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!kind.path().equals(path)) {
            reject(exchange, 404, responses.envelopeFailure("NOT_FOUND", "No endpoint " + path, null), null, null);
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            reject(exchange, 405, responses.failure(kind, "METHOD_NOT_ALLOWED",
                    exchange.getRequestMethod() + " is not supported, use POST", null), null, null);
            return;
        }
        if (!options.apiKey().equals(exchange.getRequestHeaders().getFirst(API_KEY_HEADER))) {
            reject(exchange, 401, responses.envelopeFailure("INVALID_API_KEY",
                    "Missing or invalid API key in " + API_KEY_HEADER, null), null, null);
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            reject(exchange, 415, responses.failure(kind, "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type must be application/json, was " + contentType, null), null, null);
            return;
        }
        byte[] bytes = readBody(exchange.getRequestBody());
        if (bytes == null) {
            reject(exchange, 413, responses.failure(kind, "PAYLOAD_TOO_LARGE",
                    "Body larger than " + MAX_BODY_BYTES + " bytes", null), null, null);
            return;
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        accept(exchange, body);
    }

    private void accept(HttpExchange exchange, String body) throws IOException {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JacksonException e) {
            json = null;
        }
        if (json == null || json.isMissingNode()) {
            reject(exchange, 400, responses.failure(kind, "MALFORMED_JSON",
                    "Request body is not valid JSON", null), body, null);
            return;
        }
        Map<String, String> fieldErrors = validator.fieldErrors(kind, json);
        if (!fieldErrors.isEmpty()) {
            counters.validationFailed(kind);
            printer.rejected(kind.path(), 422, fieldErrors);
            record(422, body, json);
            responses.send(exchange, 422, kind.answersWithEnvelope()
                    ? responses.envelopeFailure("VALIDATION_ERROR", "Validation failed", fieldErrors)
                    : responses.rawFailure("VALIDATION_ERROR", ContractValidator.sentence(fieldErrors)));
            return;
        }
        String slug = kind == EventKind.HEARTBEAT ? json.path("slug").asString() : null;
        Set<String> monitors = options.knownMonitors();
        if (slug != null && monitors != null && !monitors.contains(slug)) {
            reject(exchange, 404, responses.rawFailure("NOT_FOUND", "No cron monitor found with slug: " + slug),
                    body, json);
            return;
        }
        int events = kind == EventKind.HTTP_REQUEST ? json.path("requests").size() : 1;
        counters.accepted(kind, events);
        received.add(kind, body);
        printer.accepted(kind, json);
        record(202, body, json);
        responses.send(exchange, 202, success(json, events, slug));
    }

    private ObjectNode success(JsonNode json, int events, String slug) {
        ObjectNode answer = responses.object();
        switch (kind) {
            case HTTP_REQUEST:
                answer.put("ok", true);
                answer.put("accepted", events);
                return answer;
            case HEARTBEAT:
                answer.put("ok", true);
                // The same slug always maps to the same monitor, as with a real backend.
                answer.put("monitorId", UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8)).toString());
                return answer;
            default:
                answer.put("id", UUID.randomUUID().toString());
                return responses.envelopeSuccess(answer);
        }
    }

    private void reject(HttpExchange exchange, int status, ObjectNode answer, String body, JsonNode json)
            throws IOException {
        counters.rejected(status);
        printer.rejected(kind.path(), status, answer.has("error")
                ? answer.path("error").path("message").asString() : answer.path("message").asString());
        if (body != null) {
            record(status, body, json);
        }
        responses.send(exchange, status, answer);
    }

    private void record(int status, String body, JsonNode json) {
        if (jsonl != null) {
            jsonl.record(kind.path(), status, body, json);
        }
    }

    /** The whole body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }
}
