package dev.seestack.log4j2;

import static dev.seestack.log4j2.Log4jFixture.metadataOf;
import static dev.seestack.log4j2.Log4jFixture.metadataOnThisThread;
import static dev.seestack.log4j2.Log4jFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/** SLF4J calls bound to Log4j2 by log4j-slf4j2-impl, with the appender from log4j2-seestack.xml. */
@Timeout(60)
class Slf4jOverLog4j2Test {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedBeforeEach(stub, "log4j2-seestack.xml");
    private Logger logger;

    @BeforeEach
    void getLogger() {
        logger = LoggerFactory.getLogger("com.acme.Orders");
    }

    @Test
    void shipsLogWithTraceIdServiceAndUserIdFromMdc() {
        MDC.put("traceId", "trace-slf4j");
        MDC.put("service", "orders");
        MDC.put("userId", "u-9");
        MDC.put("tenant", "acme");

        logger.info("order {} shipped", 42);

        assertEquals(Map.of("level", "info", "message", "order 42 shipped", "service", "orders",
                "traceId", "trace-slf4j", "metadata",
                metadataOnThisThread("com.acme.Orders", "userId", "u-9", "tenant", "acme")),
                single(stub, IngestStub.LOGS));
        stub.assertAllBodiesValid();
    }

    @Test
    void shipsErrorWithCauseChainAndMdcUser() {
        MDC.put("traceId", "trace-err");
        MDC.put("userId", "u-10");
        UncheckedIOException failure = new UncheckedIOException("export failed",
                new java.io.IOException("disk full", new SQLException("lock timeout")));

        logger.error("nightly export failed", failure);

        Map<String, Object> error = new LinkedHashMap<>(single(stub, IngestStub.ERRORS));
        @SuppressWarnings("unchecked")
        List<String> stackTrace = (List<String>) error.remove("stackTrace");
        assertTrue(stackTrace.contains("Caused by: java.io.IOException"), stackTrace.toString());
        assertTrue(stackTrace.contains("Caused by: java.sql.SQLException"), stackTrace.toString());
        assertEquals(Map.of(
                "exceptionClass", "java.io.UncheckedIOException",
                "message", "export failed",
                "level", "error",
                "environment", "test",
                "release", "1.4.2",
                "user", Map.of("id", "u-10"),
                "metadata", Map.of("logger", "com.acme.Orders", "thread", Thread.currentThread().getName(),
                        "message", "nightly export failed", "traceId", "trace-err", "service", "checkout",
                        "causes", List.of("java.io.IOException: disk full", "java.sql.SQLException: lock timeout"))),
                error);
        assertEquals("error", single(stub, IngestStub.LOGS).get("level"));
        stub.assertAllBodiesValid();
    }

    @Test
    void shipsFluentKeyValuesAndMarkersAsMetadata() {
        logger.atInfo().addMarker(MarkerFactory.getMarker("AUDIT")).addKeyValue("orderId", "A-99")
                .log("refund issued");

        Map<String, Object> metadata = metadataOf(single(stub, IngestStub.LOGS));
        assertEquals("A-99", metadata.get("orderId"));
        assertEquals(List.of("AUDIT"), metadata.get("markers"));
        stub.assertAllBodiesValid();
    }

    @Test
    void masksPasswordMdcEntry() {
        MDC.put("password", "s3cret!");

        logger.info("password reset requested");

        String body = stub.awaitBodies(IngestStub.LOGS, 1).get(0);
        Map<String, Object> metadata = metadataOf(Log4jFixture.parse(body));
        assertEquals("[MASKED]", metadata.get("password"));
        assertTrue(!body.contains("s3cret!"), body);
        stub.assertAllBodiesValid();
    }
}
