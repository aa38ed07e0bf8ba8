package dev.seestack.examples.collector;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Prints one readable line per accepted event (kind, level, message or exception class, traceId, user)
 * and per rejected request, so a developer sees at a glance what the SDK sent.
 */
final class EventPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final int MAX_TEXT_CHARS = 160;

    private final PrintStream out;

    EventPrinter(PrintStream out) {
        this.out = out;
    }

    void accepted(EventKind kind, JsonNode body) {
        switch (kind) {
            case ERROR:
                print("ERROR", body.path("level").asString("error") + " " + body.path("exceptionClass").asString()
                        + ": " + clip(body.path("message").asString()) + tags(errorTrace(body), errorUser(body), null));
                break;
            case LOG:
                JsonNode metadata = body.path("metadata");
                String trace = text(body.path("traceId"), metadata.path("traceId"));
                print("LOG", body.path("level").asString() + " " + clip(body.path("message").asString())
                        + tags(trace, text(metadata.path("userId")), text(body.path("service"))));
                break;
            case HTTP_REQUEST:
                for (JsonNode item : body.path("requests")) {
                    print("HTTP", item.path("direction").asString() + " " + item.path("method").asString() + " "
                            + item.path("host").asString() + item.path("path").asString() + " "
                            + item.path("statusCode").asInt() + " " + item.path("durationMs").asLong() + "ms"
                            + tags(text(item.path("traceId")), text(item.path("userId")), null));
                }
                break;
            case HEARTBEAT:
                String message = text(body.path("message"));
                print("HEARTBEAT", body.path("slug").asString() + " " + body.path("status").asString() + " "
                        + body.path("durationMs").asLong() + "ms" + (message == null ? "" : " " + clip(message)));
                break;
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    void rejected(String path, int status, String reason) {
        print("REJECTED", status + " " + path + " " + clip(reason));
    }

    void rejected(String path, int status, Map<String, String> fieldErrors) {
        print("REJECTED", status + " " + path + " " + fieldErrors);
    }

    void flag(String key, String userId, JsonNode result) {
        print("FLAG", key + (userId == null ? "" : " user=" + userId) + " -> "
                + (result.path("enabled").asBoolean() ? "on " : "off ") + result.path("variant").asString()
                + " (" + result.path("reason").asString() + ")");
    }

    private void print(String label, String text) {
        out.println(String.format("%s %-9s %s", LocalTime.now().format(TIME), label, text));
    }

    private static String errorTrace(JsonNode body) {
        return text(body.path("metadata").path("traceId"));
    }

    private static String errorUser(JsonNode body) {
        JsonNode user = body.path("user");
        return text(user.path("id"), user.path("email"), body.path("metadata").path("userId"));
    }

    private static String tags(String traceId, String user, String service) {
        StringBuilder tags = new StringBuilder();
        if (traceId != null) {
            tags.append("  trace=").append(traceId);
        }
        if (user != null) {
            tags.append("  user=").append(user);
        }
        if (service != null) {
            tags.append("  service=").append(service);
        }
        return tags.toString();
    }

    /** The first of {@code candidates} that is a non-blank string, or null. */
    private static String text(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isString() && !candidate.asString().isBlank()) {
                return candidate.asString();
            }
        }
        return null;
    }

    private static String clip(String text) {
        String oneLine = text.replaceAll("\\s*[\\r\\n]+\\s*", " | ");
        return oneLine.length() <= MAX_TEXT_CHARS ? oneLine : oneLine.substring(0, MAX_TEXT_CHARS - 1) + "…";
    }
}
