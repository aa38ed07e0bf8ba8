package dev.seestack.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.testkit.IngestStub;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Configuration given as garbage: impossible numbers fall back to their defaults with a warning, values are
 * trimmed, a trailing slash is dropped, a path in {@code host} is kept as a prefix, unicode environments arrive
 * intact. Through the facade and through a Logback XML file.
 */
@Timeout(60)
class GarbageConfigTest {
    private static final String UNICODE_ENVIRONMENT = "staging-ünïcødé-東京-🚀";

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private LoggingApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        SeeStack.close();
    }

    @Test
    void facadeFallsBackToDefaultsTrimsValuesAndKeepsUnicode() {
        SeeStackConfig config = SeeStackConfig.builder(n -> null).apiKey("  " + IngestStub.API_KEY + "\t")
                .host("  " + stub.host() + "//  ").environment(" " + UNICODE_ENVIRONMENT + " ").bufferSize(-5)
                .flushIntervalMs(0).build();
        assertEquals(SeeStackConfig.DEFAULT_BUFFER_SIZE, config.bufferSize());
        assertEquals(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS, config.flushIntervalMs());
        assertEquals(2, ClientAccess.warnings(config).size(), ClientAccess.warnings(config).toString());
        SeeStackClient client = SeeStack.init(config);

        SeeStack.captureLog("info", "configured from garbage", null);
        SeeStack.captureError(new IllegalStateException("configured from garbage"));
        assertTrue(SeeStack.flush(Duration.ofSeconds(10)));

        assertDeliveredWithUnicodeEnvironment();
        Accounting.assertSettled(client.stats().logs(), 1);
        Accounting.assertSettled(client.stats().errors(), 1);
    }

    @Test
    void aPathInHostIsKeptAsAPrefixOfEveryIngestPath() {
        stub.stub(post(urlPathEqualTo("/seestack/ingest/v1/logs")).willReturn(aResponse().withStatus(202)));
        SeeStackClient client = SeeStack.init(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY)
                .host(stub.host() + "/seestack/").environment("test").build());

        SeeStack.captureLog("info", "behind a reverse proxy", null);
        assertTrue(SeeStack.flush(Duration.ofSeconds(10)));

        assertEquals(1, stub.server().findAll(postRequestedFor(urlPathEqualTo("/seestack/ingest/v1/logs"))).size());
        Accounting.assertSettled(client.stats().logs(), 1);
        assertEquals(1, client.stats().logs().sent());
    }

    @Test
    void logbackXmlWithGarbageValuesStartsWithDefaultsAndWarns() {
        LoggingApp.Logback logback = LoggingApp.logback("reliability-logback-garbage.xml", stub.host());
        app = logback;
        SeeStackClient client = app.client();
        assertEquals(SeeStackConfig.DEFAULT_BUFFER_SIZE, client.config().bufferSize());
        assertEquals(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS, client.config().flushIntervalMs());
        List<String> warnings = logback.context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.WARN).map(Status::getMessage).collect(Collectors.toList());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("bufferSize")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("flushIntervalMs")), warnings.toString());

        app.info("configured from garbage");
        app.error("configured from garbage", new IllegalStateException("configured from garbage"));
        assertTrue(client.flush(Duration.ofSeconds(10)));

        assertDeliveredWithUnicodeEnvironment();
        JsonNode log = Served.json(Served.awaitAccepted(stub, IngestStub.LOGS, 1).get(0));
        assertEquals("garbage", log.get("service").asText());
        Accounting.assertSettled(client.stats().logs(), 2);
    }

    private static void assertDeliveredWithUnicodeEnvironment() {
        List<String> errors = Served.awaitAccepted(stub, IngestStub.ERRORS, 1);
        JsonNode error = Served.json(errors.get(0));
        assertEquals(UNICODE_ENVIRONMENT, error.get("environment").asText());
        Served.awaitAccepted(stub, IngestStub.LOGS, 1);
        assertEquals(IngestStub.API_KEY, stub.requests(IngestStub.LOGS).get(0).getHeader("X-SeeStack-Key"),
                "the API key is sent trimmed");
    }
}
