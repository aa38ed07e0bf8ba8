package dev.seestack.jul;

import static dev.seestack.jul.JulFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.seestack.FeatureStats;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Error options through a real logging.properties: breadcrumbs, tags, server name, ignored types, limit. */
@Timeout(60)
class ErrorsOptionsTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private final Logger log = Logger.getLogger("app.orders");

    @BeforeEach
    void loadConfiguration() {
        JulFixture.exposeStub(stub);
        JulFixture.readConfiguration("seestack-logging-errors.properties");
    }

    @AfterEach
    void resetLogging() {
        LogManager.getLogManager().reset();
        MDC.clear();
        assertNull(ClientRegistry.current(), "closing the handler releases the SDK client");
    }

    private static IllegalStateException thrownAtOneSite() {
        IllegalStateException e = new IllegalStateException("rates down");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Rates", "fetch", "Rates.java", 41)});
        return e;
    }

    @Test
    void anErrorCarriesTheLastBreadcrumbsOfItsTraceAcrossAnExecutorHopWithTagsAndServerName() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            MDC.put("traceId", "trace-1");
            log.info("session opened");
            log.fine("below the handler's level");
            log.info("cart loaded");
            executor.submit(() -> {
                MDC.put("traceId", "trace-2");
                log.info("another trace's line");
                MDC.put("traceId", "trace-1");
                log.info("priced on the executor");
                MDC.clear();
            }).get();
            log.log(Level.SEVERE, "checkout failed", thrownAtOneSite());
            JulFixture.flushRootHandlers();
        } finally {
            executor.shutdownNow();
        }

        JsonNode metadata = JulFixture.only(stub.awaitBodies(IngestStub.ERRORS, 1), "exceptionClass",
                "java.lang.IllegalStateException").get("metadata");
        for (JsonNode crumb : metadata.get("breadcrumbs")) {
            ((ObjectNode) crumb).put("timestamp", "T");
        }
        JulFixture.assertJson("[{\"timestamp\":\"T\",\"type\":\"log\",\"level\":\"info\",\"message\":\"cart loaded\","
                + "\"logger\":\"app.orders\"},{\"timestamp\":\"T\",\"type\":\"log\",\"level\":\"info\","
                + "\"message\":\"priced on the executor\",\"logger\":\"app.orders\"}]", metadata.get("breadcrumbs"));
        assertEquals("eu-1", metadata.get("region").asString());
        assertEquals("payments", metadata.get("team").asString());
        assertEquals("web-7", metadata.get("serverName").asString());
        stub.assertAllBodiesValid();
    }

    @Test
    void anIgnoredSubclassIsNotSentAsAnErrorAndABurstFromOneSiteIsLimited() {
        log.log(Level.SEVERE, "request cancelled", new CancellationException("client went away") { });
        for (int i = 0; i < 50; i++) {
            log.log(Level.SEVERE, "rates down", thrownAtOneSite());
        }
        JulFixture.flushRootHandlers();

        assertEquals(5, stub.awaitBodies(IngestStub.ERRORS, 5).size());
        assertEquals(51, stub.awaitLogBodies(51).size());
        assertEquals("payments", json(stub.awaitLogBodies(51).get(0)).at("/metadata/team").asString());
        FeatureStats errors = JulFixture.stats().errors();
        assertEquals(51, errors.captured());
        assertEquals(1, errors.droppedIgnored());
        assertEquals(45, errors.droppedRateLimited());
        assertEquals(5, errors.sent());
        assertEquals(0, errors.pending());
    }
}
