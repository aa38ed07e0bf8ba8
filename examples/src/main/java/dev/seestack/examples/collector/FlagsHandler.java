package dev.seestack.examples.collector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves {@code GET /api/v1/flags/evaluate} (all flags) and {@code GET /api/v1/flags/{key}/evaluate} (one
 * flag) from a {@link FlagStore}, in the deployed backend's shape inside the envelope, after checking
 * {@code Authorization: Bearer <flags token>} and the {@code projectId}/{@code attributes} query parameters.
 */
final class FlagsHandler implements HttpHandler {
    static final String CONTEXT = "/api/v1/flags/";
    private static final String ALL_PATH = "/api/v1/flags/evaluate";
    private static final Pattern ONE_PATH = Pattern.compile("^/api/v1/flags/([^/]+)/evaluate$");
    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final CollectorOptions options;
    private final ObjectMapper mapper;
    private final FlagStore flags;
    private final ResponseWriter responses;
    private final CollectorCounters counters;
    private final EventPrinter printer;

    FlagsHandler(CollectorOptions options, ObjectMapper mapper, FlagStore flags, CollectorCounters counters,
            EventPrinter printer) {
        this.options = options;
        this.mapper = mapper;
        this.flags = flags;
        this.responses = new ResponseWriter(mapper);
        this.counters = counters;
        this.printer = printer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange);
        } catch (RuntimeException e) {
            reject(exchange, 500, "INTERNAL_ERROR", "Internal error: " + e, null);
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher one = ONE_PATH.matcher(path);
        if (!ALL_PATH.equals(path) && !one.matches()) {
            reject(exchange, 404, "NOT_FOUND", "No endpoint " + path, null);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            reject(exchange, 405, "METHOD_NOT_ALLOWED", exchange.getRequestMethod() + " is not supported, use GET", null);
            return;
        }
        if (!("Bearer " + options.flagsToken()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reject(exchange, 401, "UNAUTHORIZED", "Missing or invalid bearer token", null);
            return;
        }
        Map<String, String> query = queryOf(exchange.getRequestURI().getRawQuery());
        Map<String, String> fieldErrors = checkQuery(query);
        if (!fieldErrors.isEmpty()) {
            reject(exchange, 422, "VALIDATION_ERROR", "Validation failed", fieldErrors);
            return;
        }
        String userId = query.get("userId") == null || query.get("userId").isEmpty() ? null : query.get("userId");
        if (one.matches()) {
            String key = one.group(1);
            ObjectNode result = flags.evaluate(key, userId);
            if (result == null) {
                reject(exchange, 404, "NOT_FOUND", "Flag not found: " + key, null);
                return;
            }
            answer(exchange, result);
            printer.flag(key, userId, result);
        } else {
            ObjectNode data = mapper.createObjectNode();
            ObjectNode all = data.putObject("flags");
            for (String key : flags.keys()) {
                all.set(key, flags.evaluate(key, userId));
            }
            answer(exchange, data);
            all.forEachEntry((key, result) -> printer.flag(key, userId, result));
        }
    }

    private Map<String, String> checkQuery(Map<String, String> query) {
        Map<String, String> errors = new LinkedHashMap<>();
        String projectId = query.get("projectId");
        if (projectId == null || !UUID_PATTERN.matcher(projectId).matches()) {
            errors.put("projectId", "must be a UUID");
        }
        String attributes = query.get("attributes");
        if (attributes != null && !isJsonObject(attributes)) {
            errors.put("attributes", "must be a URL-encoded JSON object");
        }
        return errors;
    }

    private boolean isJsonObject(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    private void answer(HttpExchange exchange, JsonNode data) throws IOException {
        counters.flagEvaluated();
        responses.send(exchange, 200, responses.envelopeSuccess(data));
    }

    private void reject(HttpExchange exchange, int status, String code, String message, Map<String, String> details)
            throws IOException {
        counters.rejected(status);
        printer.rejected(exchange.getRequestURI().getPath(), status, details == null ? message : message + " " + details);
        responses.send(exchange, status, responses.envelopeFailure(code, message, details));
    }

    private static Map<String, String> queryOf(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
