package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import dev.seestack.ErrorContext;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Hostile messages, throwables and metadata, through Logback (SLF4J) and through the facade: each becomes valid
 * JSON (the stub validates every body against the contract) or a counted local rejection, never an exception in
 * the application and never a stuck sender: a normal event logged afterwards is delivered.
 */
@Timeout(120)
class HostileInputTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private LoggingApp.Logback app;

    @AfterEach
    void stop() {
        MDC.clear();
        if (app != null) {
            app.close();
        }
        SeeStack.close();
    }

    @Test
    void logbackShipsHostileEventsAsValidJsonOrCountsThemRejected() {
        app = LoggingApp.logback("reliability-logback.xml", stub.host());
        SeeStackClient client = app.client();
        Logger log = app.logger();
        int logs = 0;
        int errors = 0;

        for (String blank : Hostile.blankMessages()) {
            assertDoesNotThrow(() -> log.info(blank));
            logs++;
        }
        for (String message : Hostile.strangeMessages()) {
            assertDoesNotThrow(() -> log.info(message));
            logs++;
        }
        for (Throwable t : Hostile.throwables()) {
            assertDoesNotThrow(() -> log.error("failure with " + t.getClass().getSimpleName(), t));
            logs++;
            errors++;
        }
        assertDoesNotThrow(() -> keyValues(log.atInfo()).log("hostile key-values"));
        logs++;
        assertDoesNotThrow(() -> keyValues(log.atError()).setCause(new IllegalStateException("with key-values"))
                .log("hostile key-values on an error"));
        logs++;
        errors++;
        MDC.put("control", Hostile.CONTROL_CHARS);
        MDC.put("huge", Hostile.TEN_MB);
        MDC.put("", "empty key");
        assertDoesNotThrow(() -> log.warn("hostile MDC"));
        logs++;
        MDC.clear();

        assertNotStuck(client, () -> log.info("canary after hostile events"), "canary after hostile events");
        logs++;
        assertEquals(List.of(), statusErrors(), "the appender never failed on an event");
        assertEverySent(client.stats().logs(), logs, Hostile.blankMessages().size());
        assertEverySent(client.stats().errors(), errors, 0);

        List<String> messages = Served.messages(Served.accepted(stub, IngestStub.LOGS));
        assertTrue(messages.contains("x".repeat(LogEntry.MAX_MESSAGE_CHARS) + "…[truncated]"), "a 10 MB message is cut");
        JsonNode control = Served.accepted(stub, IngestStub.LOGS).stream().map(Served::json)
                .filter(b -> b.get("message").asText().startsWith("lone")).findFirst().orElseThrow();
        assertEquals(Hostile.CONTROL_CHARS.replace('\uD800', '\uFFFD').replace('\uDC00', '\uFFFD').replace("\u0000", ""),
                control.get("message").asText(),
                "lone surrogates become U+FFFD, U+0000 is removed, other control characters are escaped");
    }

    /**
     * Throwables whose own methods throw: Logback reads some of them itself while building the event (and may
     * fail the call before any appender runs); whatever reaches the SDK must not fail in it.
     */
    @Test
    void treacherousThrowablesThroughLogbackNeverFailInTheSdk() {
        app = LoggingApp.logback("reliability-logback.xml", stub.host());
        SeeStackClient client = app.client();
        for (Throwable t : Hostile.treacherousThrowables()) {
            try {
                app.logger().error("treacherous " + t.getClass().getSimpleName(), t);
            } catch (RuntimeException thrownByLogback) {
                System.out.println("LOGBACK threw for " + t.getClass().getSimpleName() + ": " + thrownByLogback);
                for (StackTraceElement frame : thrownByLogback.getStackTrace()) {
                    String owner = frame.getClassName();
                    assertTrue(!owner.startsWith("dev.seestack.") || owner.startsWith("dev.seestack.reliability."),
                            "the SDK threw: " + frame);
                }
            }
        }
        assertNotStuck(client, () -> app.info("canary after treacherous throwables"),
                "canary after treacherous throwables");
        assertEquals(List.of(), statusErrors(), "the appender never failed on an event");
        Accounting.assertBalanced(client.stats().errors());
        assertEquals(0, client.stats().errors().pending());
        assertEquals(client.stats().errors().captured(), client.stats().errors().sent(), client.stats().toString());
    }

    @Test
    void facadeShipsHostileCapturesAsValidJsonOrCountsThemRejected() {
        SeeStackClient client = SeeStack.init(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY)
                .host(stub.host()).environment("test").flushIntervalMs(100).build());
        @SuppressWarnings("unchecked")
        Map<String, ?> nonStringKeys = (Map<String, ?>) (Map<?, ?>) Hostile.values();
        int logs = 0;
        int errors = 0;

        for (String blank : Hostile.blankMessages()) {
            assertDoesNotThrow(() -> SeeStack.captureLog("info", blank, nonStringKeys));
            logs++;
        }
        for (String message : Hostile.strangeMessages()) {
            assertDoesNotThrow(() -> SeeStack.captureLog("warn", message, nonStringKeys));
            logs++;
        }
        assertDoesNotThrow(() -> SeeStack.captureLog((String) null, "null level", null));
        assertDoesNotThrow(() -> SeeStack.captureLog("\u0000not a level", "odd level", Map.of()));
        logs += 2;
        ErrorContext context = ErrorContext.builder().level("fatal").metadata(nonStringKeys).put("extra", null)
                .build();
        for (Throwable t : Hostile.throwables()) {
            assertDoesNotThrow(() -> SeeStack.captureError(t, context));
            errors++;
        }
        for (Throwable t : Hostile.treacherousThrowables()) {
            assertDoesNotThrow(() -> SeeStack.captureError(t));
            errors++;
        }
        assertDoesNotThrow(() -> SeeStack.captureError(null));
        errors++;

        assertNotStuck(client, () -> SeeStack.captureLog("info", "canary after hostile captures", null),
                "canary after hostile captures");
        logs++;
        assertEverySent(client.stats().logs(), logs, Hostile.blankMessages().size());
        assertEverySent(client.stats().errors(), errors, 1);

        JsonNode body = Served.accepted(stub, IngestStub.LOGS).stream().map(Served::json)
                .filter(b -> b.get("message").asText().startsWith("lone")).findFirst().orElseThrow();
        JsonNode meta = body.get("metadata");
        assertEquals("NaN", meta.get("nan").asText());
        assertEquals("Infinity", meta.get("infinity").asText());
        assertEquals("[4 bytes]", meta.get("bytes").asText());
        assertEquals("present", meta.get("optional").asText());
        assertEquals("1970-01-01T00:00:00Z", meta.get("instant").asText());
        assertEquals("[cycle]", meta.get("cyclicMap").get("self").asText());
        assertEquals("null key", meta.get("null").asText());
        assertEquals("integer key", meta.get("42").asText());
        assertTrue(meta.get("throwingToString").asText().contains("toString() threw"), meta.toString());
    }

    private static LoggingEventBuilder keyValues(LoggingEventBuilder builder) {
        Hostile.stringKeyed().forEach(builder::addKeyValue);
        return builder;
    }

    /** A normal event captured after the hostile ones is delivered: no sender died or hangs. */
    private static void assertNotStuck(SeeStackClient client, Runnable capture, String message) {
        capture.run();
        assertTrue(client.flush(Duration.ofSeconds(30)), "everything was handled: " + client.stats());
        PollUntil.await(Duration.ofSeconds(20), message + " was delivered",
                () -> Served.messages(Served.accepted(stub, IngestStub.LOGS)).contains(message));
    }

    /** Every item was sent or (for {@code rejected} of them) rejected locally; the stub accepted each one sent. */
    private static void assertEverySent(FeatureStats stats, int handedOver, int rejected) {
        Accounting.assertSettled(stats, handedOver);
        assertEquals(rejected, stats.rejected(), stats.toString());
        assertEquals(handedOver - rejected, stats.sent(), stats.toString());
    }

    private List<String> statusErrors() {
        return app.context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR).map(s -> s.getMessage() + " " + s.getThrowable())
                .collect(Collectors.toList());
    }
}
