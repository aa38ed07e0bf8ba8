package dev.seestack.log4j2;

import static dev.seestack.log4j2.Log4jFixture.flush;
import static dev.seestack.log4j2.Log4jFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStack;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Error options through a real log4j2.xml: breadcrumbs of the trace, tags, server name, ignored types, the limit. */
@Timeout(60)
class ErrorsOptionsTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedBeforeEach(stub, "log4j2-seestack-errors.xml");
    private Logger logger;

    @BeforeEach
    void getLogger() {
        logger = log4j.context().getLogger("com.acme.Checkout");
    }

    private static IllegalStateException thrownAtOneSite() {
        IllegalStateException e = new IllegalStateException("rates down");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Rates", "fetch", "Rates.java", 41)});
        return e;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anErrorCarriesTheLastBreadcrumbsOfItsTraceAcrossAnExecutorHopWithTagsAndServerName() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            ThreadContext.put("traceId", "trace-1");
            logger.info("session opened");
            logger.debug("below the breadcrumb level");
            logger.info("cart loaded");
            executor.submit(() -> {
                ThreadContext.put("traceId", "trace-2");
                logger.info("another trace's line");
                ThreadContext.put("traceId", "trace-1");
                logger.info("priced on the executor");
                ThreadContext.clearMap();
            }).get();
            logger.error("checkout failed", thrownAtOneSite());
            flush();
        } finally {
            executor.shutdownNow();
        }

        Map<String, Object> metadata = (Map<String, Object>) parse(stub.awaitBodies(IngestStub.ERRORS, 1).get(0))
                .get("metadata");
        List<Map<String, Object>> crumbs = (List<Map<String, Object>>) metadata.get("breadcrumbs");
        crumbs.forEach(c -> c.put("timestamp", "T"));
        assertEquals(List.of(
                Map.of("timestamp", "T", "type", "log", "level", "info", "message", "cart loaded",
                        "logger", "com.acme.Checkout"),
                Map.of("timestamp", "T", "type", "log", "level", "info", "message", "priced on the executor",
                        "logger", "com.acme.Checkout")), crumbs);
        assertEquals("eu-1", metadata.get("region"));
        assertEquals("web-7", metadata.get("serverName"));
        stub.assertAllBodiesValid();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tagsReachLogs() {
        logger.warn("slow answer");
        flush();

        Map<String, Object> metadata = (Map<String, Object>) parse(stub.awaitLogBodies(1).get(0)).get("metadata");
        assertEquals("payments", metadata.get("team"));
    }

    @Test
    void anIgnoredSubclassIsNotSentAsAnErrorAndABurstFromOneSiteIsLimited() {
        logger.error("request cancelled", new CancellationException("client went away") { });
        for (int i = 0; i < 50; i++) {
            logger.error("rates down", thrownAtOneSite());
        }
        flush();

        assertEquals(5, stub.awaitBodies(IngestStub.ERRORS, 5).size());
        assertEquals(51, stub.awaitLogBodies(51).size());
        FeatureStats errors = SeeStack.stats().errors();
        assertEquals(51, errors.captured());
        assertEquals(1, errors.droppedIgnored());
        assertEquals(45, errors.droppedRateLimited());
        assertEquals(5, errors.sent());
        assertEquals(0, errors.pending());
    }
}
