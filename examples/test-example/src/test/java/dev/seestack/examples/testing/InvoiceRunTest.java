package dev.seestack.examples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.test.CapturedError;
import dev.seestack.test.CapturedHeartbeat;
import dev.seestack.test.InMemorySeeStack;
import dev.seestack.test.SeeStackExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the nightly job reports to SeeStack, asserted without a backend: seestack-test is on the test class path. */
@ExtendWith(SeeStackExtension.class)
class InvoiceRunTest {
    @Test
    void aFailedCustomerIsAnErrorWithThatUserAndTheRunAFailedHeartbeat(InMemorySeeStack seeStack) {
        int failed = new InvoiceRun().billAll(List.of("c-1", "blocked-7", "c-2"));

        assertEquals(1, failed);
        CapturedError error = seeStack.errors().get(0);
        assertEquals("java.lang.IllegalStateException", error.exceptionClass());
        assertEquals("card expired", error.message());
        assertEquals("blocked-7", error.userId());
        CapturedHeartbeat heartbeat = seeStack.heartbeats().get(0);
        assertEquals("nightly-invoices", heartbeat.slug());
        assertEquals("failed", heartbeat.status());
        assertEquals("1 invoices failed", heartbeat.message());
    }

    @Test
    void aCleanRunSendsASuccessHeartbeatAndNoError(InMemorySeeStack seeStack) {
        new InvoiceRun().billAll(List.of("c-1", "c-2"));

        assertEquals(List.of(), seeStack.errors());
        assertEquals("{\"slug\":\"nightly-invoices\",\"status\":\"success\",\"durationMs\":"
                + seeStack.heartbeats().get(0).durationMs() + "}", seeStack.bodies(InMemorySeeStack.HEARTBEAT).get(0));
    }
}
