package dev.seestack.spring.boot.log4j2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The test kit's stub, one per test JVM (it outlives each class's application context, whose shutdown still
 * sends): reset before each class, every body received validated against the contract schemas after each test.
 */
final class Log4j2Backend implements BeforeAllCallback, AfterEachCallback {
    static final IngestStub STUB = IngestStub.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code seestack.api-key} and {@code seestack.host} of the stub, and a short flush interval. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("seestack.api-key", () -> IngestStub.API_KEY);
        registry.add("seestack.host", STUB::host);
        registry.add("seestack.flush-interval-ms", () -> "200");
    }

    /** The log bodies whose message is {@code message}. */
    static List<JsonNode> logsWithMessage(String message) {
        return STUB.bodies(IngestStub.LOGS).stream().map(Log4j2Backend::json)
                .filter(l -> message.equals(l.path("message").asText())).collect(Collectors.toList());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        STUB.acceptAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            STUB.assertAllBodiesValid();
        }
    }
}
