package dev.seestack.examples.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test fixture: talks to a collector with the JDK HttpClient and checks answer shapes. */
final class CollectorHttp {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;

    CollectorHttp(LocalCollector collector) {
        this.url = collector.url();
    }

    /** A POST with the collector's default key. */
    Answer post(String path, String body) {
        return post(path, CollectorOptions.DEFAULT_API_KEY, body);
    }

    /** A POST with {@code key} in X-SeeStack-Key (none when null). */
    Answer post(String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-SeeStack-Key", key);
        }
        return send(request.build());
    }

    /** A GET with {@code Authorization: Bearer token} (none when null). */
    Answer get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** An answer: status and body. */
    record Answer(int status, String body, String contentType) {
        JsonNode json() {
            assertEquals("application/json", contentType, "content type of " + body);
            return CollectorHttp.json(body);
        }

        /** Checks the envelope's meta (uuid requestId, ISO timestamp) and returns the body without it. */
        JsonNode envelopeWithoutMeta() {
            ObjectNode node = (ObjectNode) json();
            JsonNode meta = node.remove("meta");
            assertTrue(meta != null && meta.isObject(), "envelope has meta: " + body);
            assertEquals(2, meta.size(), "meta has requestId and timestamp only: " + meta);
            assertTrue(UUID_PATTERN.matcher(meta.path("requestId").asString()).matches(), "requestId uuid: " + meta);
            Instant.parse(meta.path("timestamp").asString());
            return node;
        }
    }
}
