package dev.seestack.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.seestack.SeeStack;
import dev.seestack.examples.collector.CollectorSummary;
import dev.seestack.examples.collector.EventKind;
import dev.seestack.flags.FlagResult;
import dev.seestack.testkit.SdkThreads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Runs the demo once, exactly as {@code Demo.main} does without SEESTACK_HOST, and checks what arrived. */
class DemoTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static DemoReport report;

    @BeforeAll
    @Timeout(120)
    static void runDemoAgainstEmbeddedCollector() throws Exception {
        report = Demo.runWithEmbeddedCollector(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void releaseGlobalLoggingState() {
        // DemoRun stops all of these itself, in a finally block (Log4j2 included: Configurator.shutdown, not
        // repeated here because asking Log4j2 for a context would start a new default one). Stopping again is
        // harmless and keeps later test classes in this JVM clean.
        SeeStack.close();
        LogManager.getLogManager().reset();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.stop();
        }
    }

    @Test
    void everyKindArrivesAndNothingBreaksTheContract() {
        CollectorSummary summary = report.summary();
        assertTrue(report.result().flushed(), "final flush delivered everything");
        assertEquals(3, summary.accepted(EventKind.ERROR), "one error per framework: " + summary);
        assertEquals(7, summary.accepted(EventKind.LOG), "two logs per framework + the served request's: " + summary);
        assertEquals(2, summary.accepted(EventKind.HTTP_REQUEST), "inbound + outbound: " + summary);
        assertEquals(2, summary.accepted(EventKind.HEARTBEAT), "one success, one failure: " + summary);
        assertEquals(2, summary.flagEvaluations(), summary.toString());
        assertEquals(0, summary.validationFailures(), summary.toString());
        assertTrue(summary.rejectedByStatus().isEmpty(), summary.toString());
        assertTrue(report.succeeded());
        String console = CONSOLE.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("SeeStack local collector summary"), console);
        assertTrue(console.contains("0 validation failures"), console);
    }

    @Test
    void logsWrittenWhileServingTheRequestCarryItsTraceId() {
        String traceId = report.result().servedTraceId();
        assertNotNull(traceId);
        JsonNode served = onlyBody(EventKind.LOG, log -> log.path("message").asString().equals("serving order A-1001"));
        assertEquals(traceId, served.path("traceId").asString());
        assertEquals("demo.shop.OrdersServlet", served.path("metadata").path("logger").asString());
        assertEquals("A-1001", served.path("metadata").path("orderId").asString());

        List<JsonNode> items = new ArrayList<>();
        for (String body : report.bodies().get(EventKind.HTTP_REQUEST)) {
            JSON.readTree(body).path("requests").forEach(items::add);
        }
        assertEquals(2, items.size(), items.toString());
        for (JsonNode item : items) {
            assertEquals(traceId, item.path("traceId").asString(), "both sides of the exchange: " + item);
            assertEquals("/orders/A-1001", item.path("path").asString());
            assertEquals(200, item.path("statusCode").asInt());
        }
        assertEquals(List.of("inbound", "outbound"),
                items.stream().map(item -> item.path("direction").asString()).sorted().toList());
    }

    @Test
    void eachFrameworkShipsItsContextAndItsErrorWithTheCauseChain() {
        assertContext("logback", "order A-1001 placed", "checkout", "alice", "demo.shop.Checkout");
        assertContext("log4j2", "invoice INV-7 issued", "billing", "bob", "demo.billing.Invoices");
        assertContext("jul", "reserved 3 units of SKU-42", "inventory", "carol", "demo.inventory.Stock");

        JsonNode logback = onlyBody(EventKind.ERROR, e -> e.path("message").asString().equals("payment declined"));
        assertEquals("java.lang.IllegalStateException", logback.path("exceptionClass").asString());
        String stack = stackTrace(logback);
        assertTrue(stack.contains("Caused by: java.io.IOException: gateway did not answer"), stack);
        assertTrue(stack.contains("Caused by: java.net.SocketTimeoutException: read timed out"), stack);
        assertEquals("alice", logback.path("user").path("id").asString());
        assertEquals(report.result().traceIds().get("logback"), logback.path("metadata").path("traceId").asString());

        JsonNode log4j2 = onlyBody(EventKind.ERROR, e -> e.path("message").asString().equals("mail server refused the message"));
        assertTrue(stackTrace(log4j2).contains("Caused by: java.io.IOException: 550 mailbox unavailable"));
        assertEquals("bob", log4j2.path("user").path("id").asString());

        JsonNode jul = onlyBody(EventKind.ERROR, e -> e.path("message").asString().equals("warehouse out of sync"));
        assertTrue(stackTrace(jul).contains("Caused by: java.lang.ArithmeticException: negative stock: -3"));
        assertEquals("carol", jul.path("user").path("id").asString());
    }

    @Test
    void cronJobsReportSuccessAndFailureAndFlagsComeFromTheCollectorsFile() {
        JsonNode success = onlyBody(EventKind.HEARTBEAT, h -> h.path("slug").asString().equals("demo-nightly-report"));
        assertEquals("success", success.path("status").asString());
        JsonNode failed = onlyBody(EventKind.HEARTBEAT, h -> h.path("slug").asString().equals("demo-import-feed"));
        assertEquals("failed", failed.path("status").asString());
        assertEquals("feed unavailable: 3 rows rejected", failed.path("message").asString());
        assertEquals("feed unavailable: 3 rows rejected", report.result().failedJob().getMessage());

        assertEquals(FlagResult.of(true, "variant-b"), report.result().flags().get("new-checkout"));
        assertFalse(report.result().flags().get("beta-search").enabled(), "carol is not a targeted user");
    }

    @Test
    void theRunLeavesNoClientNoSdkThreadsAndNoSystemProperties() {
        assertFalse(SeeStack.isInitialized());
        assertNull(System.getProperty(DemoRun.HOST_PROPERTY));
        assertNull(System.getProperty(DemoRun.API_KEY_PROPERTY));
        SdkThreads.awaitNone(Duration.ofSeconds(20));
    }

    private static void assertContext(String framework, String message, String service, String userId, String logger) {
        JsonNode log = onlyBody(EventKind.LOG, l -> l.path("message").asString().equals(message));
        assertEquals("info", log.path("level").asString(), log.toString());
        assertEquals(report.result().traceIds().get(framework), log.path("traceId").asString(), log.toString());
        assertEquals(service, log.path("service").asString(), log.toString());
        assertEquals(userId, log.path("metadata").path("userId").asString(), log.toString());
        assertEquals(logger, log.path("metadata").path("logger").asString(), log.toString());
    }

    /** The error's stack trace lines (the contract sends them as an array of strings), joined. */
    private static String stackTrace(JsonNode error) {
        StringBuilder text = new StringBuilder();
        error.path("stackTrace").forEach(line -> text.append(line.asString()).append('\n'));
        return text.toString();
    }

    private static JsonNode onlyBody(EventKind kind, Predicate<JsonNode> matching) {
        List<JsonNode> found = new ArrayList<>();
        for (String body : report.bodies().get(kind)) {
            JsonNode json = JSON.readTree(body);
            if (matching.test(json)) {
                found.add(json);
            }
        }
        assertEquals(1, found.size(), kind + " bodies matching: " + report.bodies().get(kind));
        return found.get(0);
    }
}
