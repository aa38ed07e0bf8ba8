package dev.seestack.log4j2;

import static dev.seestack.log4j2.Log4jFixture.flush;
import static dev.seestack.log4j2.Log4jFixture.metadataOf;
import static dev.seestack.log4j2.Log4jFixture.metadataOnThisThread;
import static dev.seestack.log4j2.Log4jFixture.parse;
import static dev.seestack.log4j2.Log4jFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The appender configured from log4j2-seestack.xml, driven through the Log4j2 API. */
@Timeout(60)
class SeeStackAppenderTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedBeforeEach(stub, "log4j2-seestack.xml");
    private Logger logger;

    @BeforeEach
    void getLogger() {
        logger = log4j.context().getLogger("com.acme.Checkout");
    }

    @Test
    void shipsLogWithTraceIdServiceAndUserIdFromThreadContext() {
        ThreadContext.put("traceId", "trace-1");
        ThreadContext.put("service", "payments");
        ThreadContext.put("userId", "u-42");
        ThreadContext.put("orderId", "A-17");

        logger.info("order {} placed", "A-17");

        assertEquals(Map.of("level", "info", "message", "order A-17 placed", "service", "payments",
                "traceId", "trace-1", "metadata",
                metadataOnThisThread("com.acme.Checkout", "userId", "u-42", "orderId", "A-17")),
                single(stub, IngestStub.LOGS));
        stub.assertAllBodiesValid();
    }

    @Test
    void usesConfiguredServiceWhenThreadContextHasNone() {
        logger.warn("stock low");

        assertEquals(Map.of("level", "warn", "message", "stock low", "service", "checkout",
                "metadata", Map.of("logger", "com.acme.Checkout", "thread", Thread.currentThread().getName())),
                single(stub, IngestStub.LOGS));
        stub.assertAllBodiesValid();
    }

    @Test
    void shipsErrorWithCauseChainUserAndContext() {
        ThreadContext.put("traceId", "trace-2");
        ThreadContext.put("userId", "u-7");
        IllegalStateException failure = new IllegalStateException("charge rejected", new IOException("gateway down"));

        logger.error("payment failed", failure);

        Map<String, Object> error = new LinkedHashMap<>(single(stub, IngestStub.ERRORS));
        @SuppressWarnings("unchecked")
        List<String> stackTrace = (List<String>) error.remove("stackTrace");
        assertTrue(stackTrace.get(0).startsWith("dev.seestack.log4j2.SeeStackAppenderTest."), stackTrace.get(0));
        assertTrue(stackTrace.contains("Caused by: java.io.IOException"), stackTrace.toString());
        assertEquals(Map.of(
                "exceptionClass", "java.lang.IllegalStateException",
                "message", "charge rejected",
                "level", "error",
                "environment", "test",
                "release", "1.4.2",
                "user", Map.of("id", "u-7"),
                "metadata", Map.of("logger", "com.acme.Checkout", "thread", Thread.currentThread().getName(),
                        "message", "payment failed", "traceId", "trace-2", "service", "checkout",
                        "causes", List.of("java.io.IOException: gateway down"))), error);

        assertEquals(Map.of("level", "error", "message", "payment failed", "service", "checkout", "traceId", "trace-2",
                "metadata", Map.of("logger", "com.acme.Checkout", "thread", Thread.currentThread().getName(),
                        "userId", "u-7", "exceptionClass", "java.lang.IllegalStateException",
                        "exceptionMessage", "charge rejected")), single(stub, IngestStub.LOGS));
        stub.assertAllBodiesValid();
    }

    @Test
    void shipsFatalWithThrowableAsFatalErrorAndFatalLog() {
        logger.fatal("database unreachable", new IllegalStateException("no connection"));

        Map<String, Object> error = single(stub, IngestStub.ERRORS);
        assertEquals("fatal", error.get("level"));
        assertEquals("java.lang.IllegalStateException", error.get("exceptionClass"));
        assertEquals("no connection", error.get("message"));
        Map<String, Object> log = single(stub, IngestStub.LOGS);
        assertEquals("fatal", log.get("level"));
        assertEquals("database unreachable", log.get("message"));
        stub.assertAllBodiesValid();
    }

    @Test
    void warnWithThrowableIsALogButNotAnError() {
        logger.warn("retrying", new IOException("timeout"));

        Map<String, Object> log = single(stub, IngestStub.LOGS);
        assertEquals("warn", log.get("level"));
        assertEquals(0, stub.count(IngestStub.ERRORS));
    }

    @Test
    void doesNotShipEventsBelowMinimumLogLevel() {
        logger.debug("cache miss");
        logger.trace("entering");
        logger.info("served");

        Map<String, Object> log = single(stub, IngestStub.LOGS);
        assertEquals("served", log.get("message"));
    }

    @Test
    void mapsCustomLevelsByTheirRank() {
        logger.log(Level.getLevel("AUDIT"), "audit trail written");
        stub.awaitBodies(IngestStub.LOGS, 1);
        logger.log(Level.getLevel("NOTICE"), "config reloaded");
        List<String> bodies = stub.awaitBodies(IngestStub.LOGS, 2);

        assertEquals("error", parse(bodies.get(0)).get("level"));
        assertEquals("audit trail written", parse(bodies.get(0)).get("message"));
        assertEquals("info", parse(bodies.get(1)).get("level"));
        assertEquals("config reloaded", parse(bodies.get(1)).get("message"));
        stub.assertAllBodiesValid();
    }

    @Test
    void putsMapMessageFieldsIntoMetadata() {
        logger.info(new StringMapMessage().with("orderId", "A-17").with("amount", "12.50"));

        Map<String, Object> metadata = metadataOf(single(stub, IngestStub.LOGS));
        assertEquals("A-17", metadata.get("orderId"));
        assertEquals("12.50", metadata.get("amount"));
        stub.assertAllBodiesValid();
    }

    @Test
    void putsStructuredDataFieldsIntoMetadata() {
        StructuredDataMessage message = new StructuredDataMessage("audit@1", "user signed in", "Login");
        message.put("userName", "ada");
        logger.info(message);

        Map<String, Object> metadata = metadataOf(single(stub, IngestStub.LOGS));
        assertEquals("ada", metadata.get("userName"));
        stub.assertAllBodiesValid();
    }

    @Test
    void putsMarkerAndItsParentsIntoMetadata() {
        Marker payments = MarkerManager.getMarker("PAYMENTS");
        Marker billing = MarkerManager.getMarker("BILLING").setParents(payments);

        logger.info(billing, "invoice sent");

        Map<String, Object> metadata = metadataOf(single(stub, IngestStub.LOGS));
        assertEquals(List.of("BILLING", "PAYMENTS"), metadata.get("markers"));
        stub.assertAllBodiesValid();
    }

    @Test
    void masksPasswordContextEntry() {
        ThreadContext.put("password", "hunter2");

        logger.info("login attempt");

        String body = stub.awaitBodies(IngestStub.LOGS, 1).get(0);
        Map<String, Object> metadata = metadataOf(parse(body));
        assertEquals("[MASKED]", metadata.get("password"));
        assertTrue(!body.contains("hunter2"), body);
    }

    @Test
    void neverShipsRecordsFromSdkThreadsOrSdkLoggers() throws InterruptedException {
        Thread sdkThread = new Thread(() -> logger.error("from an SDK thread", new IllegalStateException("x")),
                "seestack-sender-99");
        sdkThread.start();
        sdkThread.join();
        log4j.context().getLogger("dev.seestack.internal.delivery.DeliveryPipeline").warn("sender busy");
        logger.info("application record");

        Map<String, Object> log = single(stub, IngestStub.LOGS);
        assertEquals("application record", log.get("message"));
        assertEquals(0, stub.count(IngestStub.ERRORS));
    }

    @Test
    void readsEventsBeforeLog4jReusesThem() {
        for (int i = 0; i < 20; i++) {
            ThreadContext.put("traceId", "trace-" + i);
            logger.info("event {}", i);
        }
        List<String> bodies = stub.awaitBodies(IngestStub.LOGS, 20);
        flush();
        assertEquals(20, stub.count(IngestStub.LOGS));
        for (String body : bodies) {
            Map<String, Object> log = parse(body);
            String n = ((String) log.get("message")).substring("event ".length());
            assertEquals("trace-" + n, log.get("traceId"), body);
        }
        stub.assertAllBodiesValid();
    }

    @Test
    void startedFromPluginFileWithoutPackagesAttribute() {
        assertNotNull(log4j.context().getConfiguration().getAppender("SeeStack"));
        assertTrue(log4j.context().getConfiguration().getAppender("SeeStack").isStarted());
        assertNotNull(getClass().getClassLoader()
                .getResource("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat"));
    }
}
