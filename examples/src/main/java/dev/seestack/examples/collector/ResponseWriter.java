package dev.seestack.examples.collector;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds the backend's answer bodies (the envelope and the raw objects) and writes them to an exchange. */
final class ResponseWriter {
    private final ObjectMapper mapper;

    ResponseWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static ObjectMapper defaultMapper() {
        return JsonMapper.builder().build();
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** {@code {"success":true,"data":<data>,"meta":{"requestId":"<uuid>","timestamp":"<iso>"}}}. */
    ObjectNode envelopeSuccess(JsonNode data) {
        ObjectNode body = object();
        body.put("success", true);
        body.set("data", data);
        body.set("meta", meta());
        return body;
    }

    /** {@code {"success":false,"error":{"code","message"[,"details"]},"meta":{...}}}; details omitted when null. */
    ObjectNode envelopeFailure(String code, String message, Map<String, String> details) {
        ObjectNode body = object();
        body.put("success", false);
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (details != null) {
            ObjectNode detailNode = error.putObject("details");
            details.forEach(detailNode::put);
        }
        body.set("meta", meta());
        return body;
    }

    /** The raw endpoints' failure: {@code {"ok":false,"code":"...","message":"..."}}. */
    ObjectNode rawFailure(String code, String message) {
        ObjectNode body = object();
        body.put("ok", false);
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    /** A failure in the style of {@code kind}'s endpoint (envelope or raw). */
    ObjectNode failure(EventKind kind, String code, String message, Map<String, String> details) {
        return kind.answersWithEnvelope() ? envelopeFailure(code, message, details) : rawFailure(code, message);
    }

    private ObjectNode meta() {
        ObjectNode meta = object();
        meta.put("requestId", UUID.randomUUID().toString());
        meta.put("timestamp", Instant.now().toString());
        return meta;
    }

    /** Sends {@code body} as {@code application/json} with {@code status}. */
    void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
