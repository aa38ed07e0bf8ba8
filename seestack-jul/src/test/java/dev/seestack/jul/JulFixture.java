package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.seestack.ClientStats;
import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;

/** Loads the test logging configurations and reads what the stub received. */
final class JulFixture {

    private JulFixture() {
    }

    /** Points the configurations' {@code ${SEESTACK_TEST_*}} references at {@code stub}. */
    static void exposeStub(IngestStub stub) {
        System.setProperty("SEESTACK_TEST_PORT", String.valueOf(stub.server().port()));
        System.setProperty("SEESTACK_TEST_API_KEY", IngestStub.API_KEY);
    }

    /** Replaces the JUL configuration with the test resource {@code name}. */
    static void readConfiguration(String name) {
        try (InputStream in = JulFixture.class.getResourceAsStream("/" + name)) {
            assertNotNull(in, name);
            LogManager.getLogManager().readConfiguration(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SeeStack handler LogManager created on the root logger. */
    static SeeStackHandler rootSeeStackHandler() {
        return Arrays.stream(Logger.getLogger("").getHandlers())
                .filter(SeeStackHandler.class::isInstance)
                .map(SeeStackHandler.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SeeStackHandler on the root logger"));
    }

    static void flushRootHandlers() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.flush();
        }
    }

    static ClientStats stats() {
        SeeStackClient client = ClientRegistry.current();
        assertNotNull(client, "no SeeStack client is running");
        return client.stats();
    }

    static JsonNode json(String text) {
        return Json.tree(text);
    }

    /** The one body among {@code bodies} whose {@code field} equals {@code value}. */
    static JsonNode only(List<String> bodies, String field, String value) {
        List<JsonNode> matching = bodies.stream().map(JulFixture::json)
                .filter(b -> value.equals(b.path(field).asText(null)))
                .toList();
        assertEquals(1, matching.size(), "bodies with " + field + "=" + value + " in " + bodies);
        return matching.get(0);
    }

    /** Asserts the received body equals the expected JSON (objects compared regardless of key order). */
    static void assertJson(String expected, JsonNode actual) {
        assertEquals(json(expected), actual);
    }
}
