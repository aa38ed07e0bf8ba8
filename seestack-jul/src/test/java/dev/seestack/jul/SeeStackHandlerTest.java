package dev.seestack.jul;

import static dev.seestack.jul.JulFixture.assertJson;
import static dev.seestack.jul.JulFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStackConfig;
import dev.seestack.SeeStackContext;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.CaptureTime;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** The handler configured by a real {@code logging.properties}, logging through JUL into the ingest stub. */
@Timeout(60)
class SeeStackHandlerTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private final Logger log = Logger.getLogger("app.orders");

    @BeforeEach
    void loadConfiguration() {
        JulFixture.exposeStub(stub);
        RecordingHandler.RECORDS.clear();
        JulFixture.readConfiguration("seestack-logging.properties");
    }

    @AfterEach
    void resetLogging() {
        LogManager.getLogManager().reset();
        SeeStackContext.clear();
        MDC.clear();
        assertNull(ClientRegistry.current(), "closing the handler releases the SDK client");
    }

    @Test
    void captureUncaughtExceptionsSendsAThreadsUncaughtExceptionAsAFatalErrorOnceTheHandlerHasStarted()
            throws Exception {
        Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> chained = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> chained.add(e));
        try {
            JulFixture.readConfiguration("seestack-logging-uncaught.properties");
            log.info("starting"); // the handler connects on its first record
            IllegalStateException crash = new IllegalStateException("job crashed");
            crash.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Jobs", "run", "Jobs.java", 12)});
            Thread worker = new Thread(() -> {
                throw crash;
            }, "job-3");
            worker.start();
            worker.join();

            assertEquals(List.of("{\"exceptionClass\":\"java.lang.IllegalStateException\",\"message\":\"job crashed\","
                    + "\"stackTrace\":[\"com.acme.Jobs.run(Jobs.java:12)\"],\"level\":\"fatal\",\"environment\":\"test\","
                    + "\"release\":\"1.4.2\",\"metadata\":{\"thread\":\"job-3\",\"uncaught\":true,"
                    + "\"service\":\"jul-tests\"}}"),
                    stub.bodies(IngestStub.ERRORS));
            assertEquals(List.of(crash), chained);
        } finally {
            LogManager.getLogManager().reset();
            Thread.setDefaultUncaughtExceptionHandler(original);
        }
    }

    @Test
    void shipsRecordsWithMappedLevelsFormattedParametersAndRecordFields() {
        JulFixture.rootSeeStackHandler().setLevel(Level.CONFIG);
        log.logp(Level.INFO, "com.acme.Orders", "place", "order {0} placed for {1}", new Object[] {42, "alice"});
        log.logp(Level.WARNING, "com.acme.Orders", "place", "stock low: {0} left", 3);
        log.logp(Level.CONFIG, "com.acme.Orders", "init", "pool size {0}", 8);
        log.logp(Level.SEVERE, "com.acme.Orders", "place", "order book unavailable");

        List<String> logs = stub.awaitLogBodies(4);
        assertJson(logJson("info", "order 42 placed for alice", "place"), only(logs, "message", "order 42 placed for alice"));
        assertJson(logJson("warn", "stock low: 3 left", "place"), only(logs, "message", "stock low: 3 left"));
        assertJson(logJson("info", "pool size 8", "init"), only(logs, "message", "pool size 8"));
        assertJson(logJson("error", "order book unavailable", "place"), only(logs, "message", "order book unavailable"));
        JulFixture.flushRootHandlers();
        assertEquals(0, stub.count(IngestStub.ERRORS), "a SEVERE record without a throwable is only a log");
        stub.assertAllBodiesValid();
    }

    @Test
    void shipsSevereRecordWithThrowableAsLogAndAsErrorWithItsCauseChain() {
        LogRecord record = new LogRecord(Level.SEVERE, "could not place order {0}");
        record.setParameters(new Object[] {42});
        record.setLoggerName(log.getName());
        record.setSourceClassName("com.acme.Orders");
        record.setSourceMethodName("place");
        record.setThrown(paymentFailure());
        log.log(record);

        JsonNode logBody = JulFixture.json(stub.awaitLogBodies(1).get(0));
        JsonNode errorBody = JulFixture.json(stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
        assertJson("""
                {"level":"error","message":"could not place order 42","service":"jul-tests",
                 "metadata":{"logger":"app.orders","thread":"%s","sourceClass":"com.acme.Orders",
                   "sourceMethod":"place","threadId":%d,
                   "exceptionClass":"java.lang.IllegalStateException","exceptionMessage":"payment declined"}}
                """.formatted(threadName(), threadId()), logBody);
        assertJson("""
                {"exceptionClass":"java.lang.IllegalStateException","message":"payment declined",
                 "stackTrace":["com.acme.Orders.place(Orders.java:42)","com.acme.Main.main(Main.java:7)",
                   "Caused by: java.io.IOException","com.acme.Gateway.charge(Gateway.java:10)"],
                 "level":"error","environment":"test","release":"1.4.2",
                 "metadata":{"logger":"app.orders","thread":"%s","sourceClass":"com.acme.Orders",
                   "sourceMethod":"place","threadId":%d,"message":"could not place order 42","service":"jul-tests",
                   "causes":["java.io.IOException: socket closed"]}}
                """.formatted(threadName(), threadId()), errorBody);
        stub.assertAllBodiesValid();
    }

    @Test
    void takesTraceIdServiceAndUserIdFromSeeStackContext() {
        try (SeeStackContext.Scope scope = SeeStackContext.with("trace-1", "checkout", "user-7")) {
            log.logp(Level.INFO, "com.acme.Orders", "place", "placing order");
            log.logp(Level.SEVERE, "com.acme.Orders", "place", "order failed", paymentFailure());
        }

        List<String> logs = stub.awaitLogBodies(2);
        JsonNode error = JulFixture.json(stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
        assertJson("""
                {"level":"info","message":"placing order","service":"checkout","traceId":"trace-1",
                 "metadata":{"logger":"app.orders","thread":"%s","userId":"user-7","sourceClass":"com.acme.Orders",
                   "sourceMethod":"place","threadId":%d}}
                """.formatted(threadName(), threadId()), only(logs, "message", "placing order"));
        assertEquals("trace-1", only(logs, "message", "order failed").get("traceId").asText());
        assertEquals("user-7", error.at("/user/id").asText());
        assertEquals("trace-1", error.at("/metadata/traceId").asText());
        assertEquals("checkout", error.at("/metadata/service").asText());
        stub.assertAllBodiesValid();
    }

    @Test
    void readsTheSlf4jMdcBeforeSeeStackContextWhenSlf4jIsPresent() {
        MDC.put("traceId", "mdc-trace");
        MDC.put("userId", "mdc-user");
        MDC.put("requestId", "req-9");
        try (SeeStackContext.Scope scope = SeeStackContext.with("ctx-trace", "ctx-service", "ctx-user")) {
            log.logp(Level.INFO, "com.acme.Orders", "place", "with mdc");
        }

        JsonNode body = JulFixture.json(stub.awaitLogBodies(1).get(0));
        assertJson("""
                {"level":"info","message":"with mdc","service":"ctx-service","traceId":"mdc-trace",
                 "metadata":{"logger":"app.orders","thread":"%s","userId":"mdc-user","requestId":"req-9",
                   "sourceClass":"com.acme.Orders","sourceMethod":"place","threadId":%d}}
                """.formatted(threadName(), threadId()), body);
        stub.assertAllBodiesValid();
    }

    @Test
    void mapsCustomLevelsByTheirNumericValue() {
        log.log(new CustomLevel("ALERT", 1100), "custom alert");
        log.log(new CustomLevel("NOTICE", 950), "custom notice");
        log.log(new CustomLevel("AUDIT", 850), "custom audit");

        List<String> logs = stub.awaitLogBodies(3);
        assertEquals("error", only(logs, "message", "custom alert").get("level").asText());
        assertEquals("warn", only(logs, "message", "custom notice").get("level").asText());
        assertEquals("info", only(logs, "message", "custom audit").get("level").asText());
        stub.assertAllBodiesValid();
    }

    @Test
    void doesNotShipRecordsBelowTheHandlerLevel() {
        log.fine("fine detail");
        log.finest("finest detail");
        log.info("info marker");
        JulFixture.flushRootHandlers();

        assertEquals(3, RecordingHandler.RECORDS.stream().filter(r -> r.getLoggerName().equals("app.orders")).count(),
                "the logger passed all three records to its handlers");
        assertEquals(1, JulFixture.stats().logs().captured());
        assertEquals(List.of("info marker"),
                stub.bodies(IngestStub.LOGS).stream().map(b -> JulFixture.json(b).get("message").asText()).toList());
    }

    @Test
    void appliesTheConfiguredFilter() {
        log.info("[local-only] cache warmed");
        log.info("cache ready");
        JulFixture.flushRootHandlers();

        assertEquals(List.of("cache ready"),
                stub.bodies(IngestStub.LOGS).stream().map(b -> JulFixture.json(b).get("message").asText()).toList());
    }

    @Test
    void warningWithThrowableIsOnlyALogBelowTheMinimumErrorLevel() {
        log.log(Level.WARNING, "retrying payment", new IllegalStateException("gateway slow"));
        JulFixture.flushRootHandlers();

        JsonNode body = JulFixture.json(stub.awaitLogBodies(1).get(0));
        assertEquals("warn", body.get("level").asText());
        assertEquals("java.lang.IllegalStateException", body.at("/metadata/exceptionClass").asText());
        assertEquals(0, JulFixture.stats().errors().captured());
        assertEquals(0, stub.count(IngestStub.ERRORS));
    }

    @Test
    void readsThreadNameAndMdcOnlyWhenPublishingOnTheLoggingThread() throws InterruptedException {
        LogRecord record = new LogRecord(Level.INFO, "handed over");
        record.setLoggerName("app.async");
        record.setSourceClassName("com.acme.Queue");
        record.setSourceMethodName("push");
        SeeStackHandler handler = JulFixture.rootSeeStackHandler();
        Thread publisher = new Thread(() -> {
            MDC.put("traceId", "publisher-trace");
            handler.publish(record);
        }, "publisher");
        publisher.start();
        publisher.join();

        assertJson("""
                {"level":"info","message":"handed over","service":"jul-tests",
                 "metadata":{"logger":"app.async","sourceClass":"com.acme.Queue","sourceMethod":"push","threadId":%d}}
                """.formatted(threadId()), JulFixture.json(stub.awaitLogBodies(1).get(0)));
    }

    @Test
    void worksWhenConstructedInCodeWithAConfigAndSetters() {
        LogManager.getLogManager().reset();
        SeeStackHandler handler = new SeeStackHandler(SeeStackConfig.builder().apiKey(IngestStub.API_KEY)
                .host(stub.host()).environment("test").flushIntervalMs(200).build());
        handler.setService("programmatic");
        handler.setLevel(Level.FINE);
        Logger logger = Logger.getLogger("app.programmatic");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            logger.logp(Level.FINE, "com.acme.Jobs", "run", "job {0} done", "nightly");
            handler.close();
            handler.close();
            logger.info("after close");
        } finally {
            logger.removeHandler(handler);
        }

        assertJson("""
                {"level":"debug","message":"job nightly done","service":"programmatic",
                 "metadata":{"logger":"app.programmatic","thread":"%s","sourceClass":"com.acme.Jobs",
                   "sourceMethod":"run","threadId":%d}}
                """.formatted(threadName(), threadId()), JulFixture.json(CaptureTime.strip(stub.bodies(IngestStub.LOGS).get(0))));
        assertEquals(1, stub.count(IngestStub.LOGS), "close delivered the buffered log; nothing after close");
        assertNull(ClientRegistry.current());
    }

    @Test
    void aHandlerGivenAConfigTakesItsServiceFromLoggingPropertiesOverTheClients() {
        SeeStackHandler handler = new SeeStackHandler(SeeStackConfig.builder().apiKey(IngestStub.API_KEY)
                .host(stub.host()).service("client-service").flushIntervalMs(200).build());
        Logger logger = Logger.getLogger("app.configured");
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            logger.info("configured in code");
            handler.close();
        } finally {
            logger.removeHandler(handler);
        }

        assertEquals("jul-tests", JulFixture.json(stub.awaitLogBodies(1).get(0)).get("service").asString());
    }

    @Test
    void closeDeliversWhatIsBufferedAndIsIdempotent() {
        SeeStackHandler handler = JulFixture.rootSeeStackHandler();
        for (int i = 0; i < 20; i++) {
            log.info("buffered " + i);
        }
        handler.close();
        assertEquals(20, stub.count(IngestStub.LOGS));
        handler.close();
        assertTrue(stub.bodies(IngestStub.LOGS).stream().allMatch(b -> b.contains("buffered")));
    }

    private static IllegalStateException paymentFailure() {
        IOException cause = new IOException("socket closed");
        cause.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.acme.Gateway", "charge", "Gateway.java", 10)});
        IllegalStateException failure = new IllegalStateException("payment declined", cause);
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.acme.Orders", "place", "Orders.java", 42),
            new StackTraceElement("com.acme.Main", "main", "Main.java", 7)});
        return failure;
    }

    private static String logJson(String level, String message, String sourceMethod) {
        return """
                {"level":"%s","message":"%s","service":"jul-tests",
                 "metadata":{"logger":"app.orders","thread":"%s","sourceClass":"com.acme.Orders",
                   "sourceMethod":"%s","threadId":%d}}
                """.formatted(level, message, threadName(), sourceMethod, threadId());
    }

    private static String threadName() {
        return Thread.currentThread().getName();
    }

    private static long threadId() {
        return Thread.currentThread().getId();
    }

    private static final class CustomLevel extends Level {
        private static final long serialVersionUID = 1L;

        CustomLevel(String name, int value) {
            super(name, value);
        }
    }
}
