package dev.seestack.logback;

import static dev.seestack.logback.LogbackFixture.flush;
import static dev.seestack.logback.LogbackFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStack;
import dev.seestack.http.SeeStackHttpClient;
import dev.seestack.testkit.IngestStub;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** The error options through a real logback.xml: breadcrumbs, tags, server name, ignored types, the per-group limit. */
@Timeout(60)
class ErrorsOptionsTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final LogbackContexts logback = LogbackContexts.closingClientAfterEach(stub);

    private static IllegalStateException thrownAtOneSite(String message) {
        IllegalStateException e = new IllegalStateException(message);
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.shop.Rates", "fetch", "Rates.java", 41)});
        return e;
    }

    @Test
    void anErrorCarriesTheLastBreadcrumbsOfItsTraceOnlyAcrossAnExecutorHopWithItsHttpCallTagsAndServerName()
            throws Exception {
        HttpServer rates = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rates.createContext("/v1/rates", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        rates.start();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Logger log = logback.load("seestack-errors.xml").logger("com.shop.Checkout");
            MDC.put("traceId", "trace-1");
            log.info("session opened");
            log.debug("below the breadcrumb level");
            log.info("cart loaded with password=hunter2");
            executor.submit(() -> {
                MDC.put("traceId", "trace-2");
                log.info("another trace's line");
                MDC.put("traceId", "trace-1");
                log.info("priced on the executor");
                MDC.clear();
            }).get();
            HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient());
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rates.getAddress().getPort()
                    + "/v1/rates")).build(), HttpResponse.BodyHandlers.discarding());
            log.error("checkout failed", thrownAtOneSite("rates down"));
            flush();
        } finally {
            executor.shutdownNow();
            rates.stop(0);
        }

        JsonNode metadata = json(stub.awaitBodies(IngestStub.ERRORS, 1).get(0)).get("metadata");
        JsonNode crumbs = metadata.get("breadcrumbs");
        for (JsonNode crumb : crumbs) {
            ((tools.jackson.databind.node.ObjectNode) crumb).put("timestamp", "T");
            if (crumb.has("data")) {
                ((tools.jackson.databind.node.ObjectNode) crumb.get("data")).put("durationMs", 0);
            }
        }
        assertEquals(json("[{\"timestamp\":\"T\",\"type\":\"log\",\"level\":\"info\","
                + "\"message\":\"cart loaded with password=[MASKED]\",\"logger\":\"com.shop.Checkout\"},"
                + "{\"timestamp\":\"T\",\"type\":\"log\",\"level\":\"info\",\"message\":\"priced on the executor\","
                + "\"logger\":\"com.shop.Checkout\"},"
                + "{\"timestamp\":\"T\",\"type\":\"http\",\"message\":\"GET /v1/rates -> 503\","
                + "\"data\":{\"method\":\"GET\",\"path\":\"/v1/rates\",\"statusCode\":503,\"durationMs\":0}}]"),
                crumbs);
        assertEquals("eu-1", metadata.get("region").asString());
        assertEquals("payments", metadata.get("team").asString());
        assertEquals("web-7", metadata.get("serverName").asString());
    }

    @Test
    void tagsReachLogsAndTheEventsOwnKeysWin() {
        Logger log = logback.load("seestack-errors.xml").logger("com.shop.Checkout");
        MDC.put("team", "checkout");

        log.warn("slow answer");
        flush();

        JsonNode metadata = json(stub.awaitLogBodies(1).get(0)).get("metadata");
        assertEquals("checkout", metadata.get("team").asString());
        assertEquals("eu-1", metadata.get("region").asString());
    }

    @Test
    void anIgnoredSubclassIsNotSentAsAnErrorButItsLogLineIs() {
        Logger log = logback.load("seestack-errors.xml").logger("com.shop.Checkout");

        log.error("request cancelled", new CancellationException("client went away") { });
        log.error("real failure", thrownAtOneSite("boom"));
        flush();

        assertEquals(1, stub.awaitBodies(IngestStub.ERRORS, 1).size());
        assertEquals(2, stub.awaitLogBodies(2).size());
        FeatureStats errors = SeeStack.stats().errors();
        assertEquals(2, errors.captured());
        assertEquals(1, errors.droppedIgnored());
        assertEquals(1, errors.sent());
    }

    @Test
    void aBurstOfFiftyFromOneSiteSendsFiveAndCountsTheRest() {
        Logger log = logback.load("seestack-errors.xml").logger("com.shop.Checkout");

        for (int i = 0; i < 50; i++) {
            log.error("rates down", thrownAtOneSite("rates down"));
        }
        flush();

        assertEquals(5, stub.awaitBodies(IngestStub.ERRORS, 5).size());
        assertEquals(50, stub.awaitLogBodies(50).size());
        FeatureStats errors = SeeStack.stats().errors();
        assertEquals(50, errors.captured());
        assertEquals(45, errors.droppedRateLimited());
        assertEquals(5, errors.sent());
        assertEquals(0, errors.pending(), "every capture is accounted for: " + errors);
    }
}
