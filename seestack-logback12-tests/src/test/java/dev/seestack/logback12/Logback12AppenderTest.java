package dev.seestack.logback12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import dev.seestack.SeeStack;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.JoranFile;
import dev.seestack.testkit.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The appender, built against Logback 1.5, on Logback 1.2 with SLF4J 1.7 (Spring Boot 2.x): started from a
 * real logback.xml, it ships logs, errors, the MDC and the marker, and never reaches for the 1.3+ API.
 */
class Logback12AppenderTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void configure() {
        context.setName("logback12");
        MDC.clear();
        JoranFile.configure(context, "seestack-logback12.xml",
                Map.of("seestack.host", stub.host(), "seestack.apiKey", IngestStub.API_KEY));
    }

    @AfterEach
    void stop() {
        MDC.clear();
        context.stop();
        assertFalse(SeeStack.isInitialized(), "stopping the appender releases the client it started");
    }

    @Test
    void runsOnLogback12AndSlf4j17() {
        // the API the appender must not touch here is really absent
        assertThrows(NoSuchMethodException.class, () -> ILoggingEvent.class.getMethod("getKeyValuePairs"));
        assertThrows(NoSuchMethodException.class, () -> ILoggingEvent.class.getMethod("getMarkerList"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.event.KeyValuePair"));
        assertEquals(List.of(), errorsReported(), "Logback reported errors starting the appender");
    }

    @Test
    void shipsInfoWithMdcAndMarkerAsExactLogFields() {
        Logger log = context.getLogger("com.shop.Checkout");
        MDC.put("traceId", "trace-12");
        MDC.put("userId", "u-12");
        MDC.put("region", "eu-west");

        log.info(MarkerFactory.getDetachedMarker("AUDIT"), "order {} placed", "A-12");
        flush();

        assertEquals(Json.tree("{\"level\":\"info\",\"message\":\"order A-12 placed\",\"service\":\"checkout\","
                + "\"traceId\":\"trace-12\",\"metadata\":{\"logger\":\"com.shop.Checkout\",\"thread\":\""
                + Thread.currentThread().getName() + "\",\"userId\":\"u-12\",\"region\":\"eu-west\","
                + "\"markers\":[\"AUDIT\"]}}"), Json.tree(stub.awaitLogBodies(1).get(0)));
        assertEquals(1, stub.count(IngestStub.LOGS));
        assertEquals(0, stub.count(IngestStub.ERRORS));
        stub.assertAllBodiesValid();
    }

    @Test
    void shipsErrorWithThrowableAsOneErrorAndOneLog() {
        Logger log = context.getLogger("com.shop.Payments");
        MDC.put("userId", "u-9");

        log.error("payment failed", new IllegalStateException("card declined"));
        flush();

        JsonNode error = onlyBody(IngestStub.ERRORS);
        assertEquals("java.lang.IllegalStateException", error.get("exceptionClass").asString());
        assertEquals("card declined", error.get("message").asString());
        assertEquals("error", error.get("level").asString());
        assertEquals(Json.tree("{\"id\":\"u-9\"}"), error.get("user"));
        assertTrue(error.get("stackTrace").get(0).asString()
                .startsWith("dev.seestack.logback12.Logback12AppenderTest."), error.toString());
        JsonNode logEntry = onlyBody(IngestStub.LOGS);
        assertEquals("payment failed", logEntry.get("message").asString());
        assertEquals("java.lang.IllegalStateException", logEntry.at("/metadata/exceptionClass").asString());
        stub.assertAllBodiesValid();
    }

    private static void flush() {
        assertTrue(SeeStack.flush(Duration.ofSeconds(10)), "flush finished");
    }

    private static JsonNode onlyBody(String path) {
        List<String> bodies = stub.awaitBodies(path, 1);
        assertEquals(1, bodies.size(), bodies.toString());
        return Json.tree(bodies.get(0));
    }

    private List<String> errorsReported() {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }
}
