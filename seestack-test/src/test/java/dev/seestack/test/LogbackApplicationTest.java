package dev.seestack.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStack;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.testkit.ContractSchemas;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** seestack-test used as a user would: a Logback application's error, logs, cron jobs and flags, via the extension. */
@ExtendWith(SeeStackExtension.class)
class LogbackApplicationTest {
    private final Checkout checkout = new Checkout();

    @AfterEach
    void everyBodyMeetsTheContract() {
        InMemorySeeStack seeStack = InMemorySeeStack.get();
        for (String path : List.of(InMemorySeeStack.ERRORS, InMemorySeeStack.LOGS, InMemorySeeStack.HEARTBEAT,
                InMemorySeeStack.HTTP_REQUESTS)) {
            seeStack.bodies(path).forEach(body -> ContractSchemas.assertValid(path, body));
        }
    }

    @Test
    void aLoggedExceptionIsAnErrorWithTheUserFromTheMdc(InMemorySeeStack seeStack) {
        checkout.pay("u-42", 7);

        List<CapturedError> errors = seeStack.errors();
        assertEquals(1, errors.size(), seeStack.toString());
        CapturedError error = errors.get(0);
        assertEquals("java.lang.IllegalStateException", error.exceptionClass());
        assertEquals("card declined for order 7", error.message());
        assertEquals("error", error.level());
        assertEquals("u-42", error.userId());
        assertEquals("production", error.environment());
        assertEquals("1.4.2", error.release());
        assertTrue(error.stackTrace().get(0).startsWith("dev.seestack.test.Checkout.pay(Checkout.java:"),
                error.stackTrace().toString());
    }

    @Test
    void logsAreTheRealEncodersOutputWithSecretsMasked(InMemorySeeStack seeStack) {
        checkout.pay("u-42", 8);

        List<CapturedLog> logs = seeStack.logs();
        assertEquals(List.of("info", "error"), logs.stream().map(CapturedLog::level).collect(java.util.stream.Collectors.toList()));
        assertEquals("paying order 8", logs.get(0).message());
        assertEquals("checkout", logs.get(0).service());
        assertFalse(logs.get(1).json().contains("hunter2"), logs.get(1).json());
        assertTrue(logs.get(1).message().startsWith("payment failed, db password="), logs.get(1).message());
    }

    @Test
    void eachTestStartsEmpty(InMemorySeeStack seeStack) {
        assertEquals(List.of(), seeStack.errors());
        assertEquals(List.of(), seeStack.heartbeats());
    }

    @Test
    void aJobTimedWithStartJobSendsASuccessHeartbeat(InMemorySeeStack seeStack) {
        checkout.nightlyReport();

        List<CapturedHeartbeat> heartbeats = seeStack.heartbeats();
        assertEquals(1, heartbeats.size());
        assertEquals("nightly-report", heartbeats.get(0).slug());
        assertEquals("success", heartbeats.get(0).status());
        assertTrue(heartbeats.get(0).durationMs() >= 0);
        assertEquals(List.of("{\"slug\":\"nightly-report\",\"status\":\"success\",\"durationMs\":"
                + heartbeats.get(0).durationMs() + "}"), seeStack.bodies(InMemorySeeStack.HEARTBEAT));
    }

    @Test
    void aFailingCronJobSendsAFailedHeartbeatWithTheMessage(InMemorySeeStack seeStack) {
        assertThrows(IllegalArgumentException.class, checkout::importFeed);

        CapturedHeartbeat heartbeat = seeStack.heartbeats().get(0);
        assertEquals("import-feed", heartbeat.slug());
        assertEquals("failed", heartbeat.status());
        assertEquals("feed unreachable", heartbeat.message());
    }

    @Test
    void anHttpExchangeIsAnHttpItemOutOfItsBatch(InMemorySeeStack seeStack) {
        SeeStack.captureHttpRequest(HttpRequestEvent.builder().traceId("t-1").direction(HttpRequestEvent.Direction.INBOUND)
                .method("POST").host("shop.example.com").path("/orders").statusCode(201).durationMs(12).userId("u-42")
                .build());

        List<CapturedHttpRequest> items = seeStack.httpRequests();
        assertEquals(1, items.size());
        CapturedHttpRequest item = items.get(0);
        assertEquals("inbound", item.direction());
        assertEquals("POST", item.method());
        assertEquals("shop.example.com", item.host());
        assertEquals("/orders", item.path());
        assertEquals(201, item.statusCode());
        assertEquals(12, item.durationMs());
        assertEquals("t-1", item.traceId());
        assertEquals("u-42", item.userId());
        assertTrue(seeStack.bodies(InMemorySeeStack.HTTP_REQUESTS).get(0).contains(item.json()),
                "the item's JSON is the batch's item");
    }

    @Test
    void flagsAreAnsweredFromWhatTheTestSet(InMemorySeeStack seeStack) {
        assertFalse(checkout.newCheckout("u-1"), "an unknown flag is off");

        seeStack.setFlag("new-checkout", "true");
        assertTrue(checkout.newCheckout("u-1"));

        seeStack.setFlag("new-checkout", false, "true");
        assertFalse(checkout.newCheckout("u-1"), "a change applies at once, nothing is cached");
    }
}
