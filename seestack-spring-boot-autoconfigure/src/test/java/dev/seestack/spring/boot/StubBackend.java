package dev.seestack.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Boot test at the test kit's stub and reads what it received. */
final class StubBackend {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StubBackend() {
    }

    /** {@code seestack.api-key} and {@code seestack.host} of the stub, and a short flush interval. */
    static void register(DynamicPropertyRegistry registry, IngestStub stub) {
        registry.add("seestack.api-key", () -> IngestStub.API_KEY);
        registry.add("seestack.host", stub::host);
        registry.add("seestack.flush-interval-ms", () -> "200");
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> json(List<String> bodies) {
        return bodies.stream().map(StubBackend::json).collect(Collectors.toList());
    }

    /** The log bodies whose message is {@code message}. */
    static List<JsonNode> logsWithMessage(IngestStub stub, String message) {
        return json(stub.bodies(IngestStub.LOGS)).stream().filter(l -> message.equals(l.path("message").asText()))
                .collect(Collectors.toList());
    }

    /** GETs {@code path} of the application on {@code port}. */
    static HttpResponse<String> get(int port, String path, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
