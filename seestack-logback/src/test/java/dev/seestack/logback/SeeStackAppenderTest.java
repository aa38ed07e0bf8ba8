package dev.seestack.logback;

import static dev.seestack.logback.LogbackFixture.flush;
import static dev.seestack.logback.LogbackFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.SeeStackContext;
import dev.seestack.User;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;

/** What the appender ships for each kind of Logback event, asserted on the exact JSON the backend receives. */
class SeeStackAppenderTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final LogbackContexts logback = LogbackContexts.closingClientAfterEach(stub);

    @Test
    void shipsInfoWithMdcAndKeyValuePairsAsExactLogFields() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Checkout");
        MDC.put("traceId", "trace-abc");
        MDC.put("service", "payments");
        MDC.put("userId", "u-7");
        MDC.put("region", "eu-west");

        log.atInfo().addKeyValue("orderId", 42).addKeyValue("express", true).log("order {} placed", "A-1");
        flush();

        JsonNode body = json(stub.awaitLogBodies(1).get(0));
        assertEquals(json("{\"level\":\"info\",\"message\":\"order A-1 placed\",\"service\":\"payments\","
                + "\"traceId\":\"trace-abc\",\"metadata\":{\"logger\":\"com.shop.Checkout\",\"thread\":\""
                + Thread.currentThread().getName() + "\",\"userId\":\"u-7\",\"region\":\"eu-west\","
                + "\"orderId\":42,\"express\":true}}"), body);
        assertEquals(0, stub.count(IngestStub.ERRORS));
    }

    @Test
    void takesTheOpenTelemetryAgentsTraceIdWhenTheMdcHasNoTraceId() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        MDC.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
        MDC.put("span_id", "b7ad6b7169203331");

        fixture.logger("com.shop.Checkout").info("agent traced");
        flush();

        JsonNode body = json(stub.awaitLogBodies(1).get(0));
        assertEquals("0af7651916cd43dd8448eb211c80319c", body.get("traceId").asText());
        assertEquals("b7ad6b7169203331", body.get("metadata").get("span_id").asText());
    }

    @Test
    void captureUncaughtExceptionsSendsAThreadsUncaughtExceptionAsAFatalErrorBeforeTheThreadDies() throws Exception {
        Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
        java.util.List<Throwable> chained = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> chained.add(e));
        try {
            logback.load("seestack-uncaught.xml");
            IllegalStateException crash = new IllegalStateException("job crashed");
            crash.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Jobs", "run", "Jobs.java", 12)});
            Thread worker = new Thread(() -> {
                throw crash;
            }, "job-1");
            worker.start();
            worker.join();

            assertEquals(java.util.List.of("{\"exceptionClass\":\"java.lang.IllegalStateException\","
                    + "\"message\":\"job crashed\",\"stackTrace\":[\"com.acme.Jobs.run(Jobs.java:12)\"],"
                    + "\"level\":\"fatal\",\"environment\":\"test\",\"release\":\"1.4.2\","
                    + "\"metadata\":{\"thread\":\"job-1\",\"uncaught\":true,\"service\":\"checkout\"}}"),
                    stub.bodies(IngestStub.ERRORS));
            assertEquals(java.util.List.of(crash), chained);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(original);
        }
    }

    @Test
    void theMdcUserIdWinsOverTheGlobalUserWhoseOtherFieldsSupplementIt() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        SeeStack.setUser(User.of("g-1", "global@example.com", null));
        MDC.put("userId", "u-9");

        fixture.logger("com.shop.Payments").error("payment failed", new RuntimeException("gateway rejected"));
        flush();

        JsonNode error = json(stub.awaitBodies(IngestStub.ERRORS, 1)).get(0);
        assertEquals(json("{\"id\":\"u-9\",\"email\":\"global@example.com\"}"), error.get("user"));
    }

    @Test
    void shipsErrorWithThrowableAsOneErrorAndOneLog() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Payments");
        MDC.put("traceId", "trace-err");
        MDC.put("userId", "u-9");
        RuntimeException ex = new RuntimeException("gateway rejected", new IllegalStateException("card declined"));

        log.error("payment failed", ex);
        flush();

        List<JsonNode> errors = json(stub.awaitBodies(IngestStub.ERRORS, 1));
        List<JsonNode> logs = json(stub.awaitLogBodies(1));
        assertEquals(1, errors.size());
        assertEquals(1, logs.size());
        JsonNode error = errors.get(0);
        assertEquals("java.lang.RuntimeException", error.get("exceptionClass").asText());
        assertEquals("gateway rejected", error.get("message").asText());
        assertEquals("error", error.get("level").asText());
        assertEquals("test", error.get("environment").asText());
        assertEquals("1.4.2", error.get("release").asText());
        assertEquals(json("{\"id\":\"u-9\"}"), error.get("user"));
        assertEquals(json("{\"logger\":\"com.shop.Payments\",\"thread\":\"" + Thread.currentThread().getName()
                + "\",\"message\":\"payment failed\",\"traceId\":\"trace-err\",\"service\":\"checkout\","
                + "\"causes\":[\"java.lang.IllegalStateException: card declined\"]}"),
                error.get("metadata"));
        List<String> frames = texts(error.get("stackTrace"));
        assertTrue(frames.get(0).startsWith("dev.seestack.logback.SeeStackAppenderTest."), frames.get(0));
        assertTrue(frames.contains("Caused by: java.lang.IllegalStateException"), frames.toString());

        JsonNode logEntry = logs.get(0);
        assertEquals("error", logEntry.get("level").asText());
        assertEquals("payment failed", logEntry.get("message").asText());
        assertEquals("checkout", logEntry.get("service").asText());
        assertEquals("trace-err", logEntry.get("traceId").asText());
        assertEquals("java.lang.RuntimeException", logEntry.at("/metadata/exceptionClass").asText());
        assertEquals("gateway rejected", logEntry.at("/metadata/exceptionMessage").asText());
        assertEquals("u-9", logEntry.at("/metadata/userId").asText());
    }

    @Test
    void shipsWarnWithThrowableOnlyAsLogByDefault() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Checkout");

        log.warn("retrying", new IllegalStateException("timeout"));
        log.info("after the warning");
        flush();

        JsonNode warning = json(stub.awaitLogBodies(2)).stream()
                .filter(n -> n.get("level").asText().equals("warn"))
                .findFirst().orElseThrow();
        assertEquals("retrying", warning.get("message").asText());
        assertEquals("java.lang.IllegalStateException", warning.at("/metadata/exceptionClass").asText());
        assertEquals("timeout", warning.at("/metadata/exceptionMessage").asText());
        assertEquals(2, stub.count(IngestStub.LOGS));
        assertEquals(0, stub.count(IngestStub.ERRORS));
    }

    @Test
    void dropsDebugBelowDefaultMinimumLogLevelAndFallsBackToConfiguredService() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Checkout");

        log.debug("noise");
        log.trace("more noise");
        log.info("signal");
        flush();

        List<JsonNode> logs = json(stub.awaitLogBodies(1));
        assertEquals(1, logs.size());
        assertEquals(json("{\"level\":\"info\",\"message\":\"signal\",\"service\":\"checkout\",\"metadata\":"
                + "{\"logger\":\"com.shop.Checkout\",\"thread\":\"" + Thread.currentThread().getName() + "\"}}"),
                logs.get(0));
    }

    @Test
    void configuredThresholdsMakeWarnAnErrorAndDropInfo() {
        LogbackFixture fixture = logback.load("seestack-thresholds.xml");
        Logger log = fixture.logger("com.shop.Checkout");

        log.info("dropped");
        log.warn("slow payment provider", new IllegalStateException("timeout"));
        flush();

        List<JsonNode> errors = json(stub.awaitBodies(IngestStub.ERRORS, 1));
        List<JsonNode> logs = json(stub.awaitLogBodies(1));
        assertEquals(1, errors.size());
        assertEquals("warn", errors.get(0).get("level").asText());
        assertEquals("java.lang.IllegalStateException", errors.get(0).get("exceptionClass").asText());
        assertEquals(1, logs.size());
        assertEquals("slow payment provider", logs.get(0).get("message").asText());
    }

    @Test
    void readsTraceServiceAndUserFromConfiguredMdcKeysAndShipsTraceAsDebug() {
        LogbackFixture fixture = logback.load("seestack-custom-keys.xml");
        Logger log = fixture.logger("com.shop.Checkout");
        MDC.put("X-B3-TraceId", "b3-trace");
        MDC.put("app", "inventory");
        MDC.put("principal", "alice");

        log.trace("cache miss");
        flush();

        JsonNode body = json(stub.awaitLogBodies(1).get(0));
        assertEquals(json("{\"level\":\"debug\",\"message\":\"cache miss\",\"service\":\"inventory\","
                + "\"traceId\":\"b3-trace\",\"metadata\":{\"logger\":\"com.shop.Checkout\",\"thread\":\""
                + Thread.currentThread().getName() + "\",\"userId\":\"alice\"}}"), body);
    }

    @Test
    void fallsBackToSeeStackContextWhenMdcIsEmpty() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Checkout");

        try (SeeStackContext.Scope ignored = SeeStackContext.with("ctx-trace", "ctx-service", "ctx-user")) {
            log.info("from context");
        }
        flush();

        JsonNode body = json(stub.awaitLogBodies(1).get(0));
        assertEquals("ctx-trace", body.get("traceId").asText());
        assertEquals("ctx-service", body.get("service").asText());
        assertEquals("ctx-user", body.at("/metadata/userId").asText());
    }

    @Test
    void masksSecretsFromMdcAndKeyValuePairs() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Login");
        MDC.put("password", "hunter2");

        log.atInfo().addKeyValue("apiToken", "tok-123").addKeyValue("user", "bob").log("login with password=hunter2");
        flush();

        String raw = stub.awaitLogBodies(1).get(0);
        JsonNode body = json(raw);
        assertEquals("[MASKED]", body.at("/metadata/password").asText());
        assertEquals("[MASKED]", body.at("/metadata/apiToken").asText());
        assertEquals("bob", body.at("/metadata/user").asText());
        assertEquals("login with password=[MASKED]", body.get("message").asText());
        assertFalse(raw.contains("hunter2") || raw.contains("tok-123"), raw);
    }

    @Test
    void masksHeadersQuerySecretsConnectionStringsAndWordMatchedKeysInLogsAndErrors() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Gateway");
        MDC.put("refresh_token", "rt-1");
        MDC.put("idempotencyKey", "idem-1");

        log.atError().addKeyValue("x-api-key", "xk-2").addKeyValue("primaryKey", 5)
                .setCause(new IllegalStateException("cannot reach postgresql://app:pg-3@db/shop"))
                .log("call https://x/a?key=qk-4&page=2 with Authorization: Bearer eyJhbGciOi.jwt-5");
        flush();

        String rawLog = stub.awaitBodies(IngestStub.LOGS, 1).get(0);
        String rawError = stub.awaitBodies(IngestStub.ERRORS, 1).get(0);
        JsonNode logBody = json(rawLog);
        assertEquals("call https://x/a?key=[FILTERED]&page=2 with Authorization: [MASKED]",
                logBody.get("message").asText());
        assertEquals("[MASKED]", logBody.at("/metadata/refresh_token").asText());
        assertEquals("[MASKED]", logBody.at("/metadata/x-api-key").asText());
        assertEquals("idem-1", logBody.at("/metadata/idempotencyKey").asText());
        assertEquals(5, logBody.at("/metadata/primaryKey").asInt());
        assertEquals("cannot reach [MASKED]", json(rawError).get("message").asText());
        for (String secret : List.of("rt-1", "xk-2", "pg-3", "qk-4", "jwt-5", "eyJhbGciOi")) {
            assertFalse(rawLog.contains(secret) || rawError.contains(secret), secret + " leaked: " + rawLog + rawError);
        }
    }

    @Test
    void shipsMarkerNamesIncludingNestedReferences() {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Audit");
        Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
        audit.add(MarkerFactory.getDetachedMarker("SECURITY"));

        log.atInfo().addMarker(audit).addMarker(MarkerFactory.getDetachedMarker("BILLING")).log("refund issued");
        flush();

        JsonNode body = json(stub.awaitLogBodies(1).get(0));
        assertEquals(json("[\"AUDIT\",\"SECURITY\",\"BILLING\"]"), body.at("/metadata/markers"));
    }

    @Test
    void sharesClientInitialisedInCodeAndKeepsItAfterStop() {
        SeeStack.init(SeeStackConfig.builder().apiKey(IngestStub.API_KEY).host(stub.host()).environment("code")
                .flushIntervalMs(200).build());
        // this configuration has no apiKey: it can only start because a client is already running
        LogbackFixture fixture = logback.load("seestack-missing-apikey.xml");
        assertTrue(fixture.seeStackAppender().isStarted(), fixture.statusErrors().toString());

        fixture.logger("com.shop.Checkout").error("boom", new IllegalArgumentException("bad input"));
        fixture.close();

        assertTrue(SeeStack.isInitialized(), "stopping the appender must not close a client started in code");
        flush();
        JsonNode error = json(stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
        assertEquals("code", error.get("environment").asText());
        assertEquals(1, stub.awaitLogBodies(1).size());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
