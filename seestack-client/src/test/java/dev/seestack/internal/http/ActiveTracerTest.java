package dev.seestack.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.seestack.SeeStackContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Which MDC entries name a tracer's trace id, and where {@link TraceIds#current()} looks. */
class ActiveTracerTest {
    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void adoptsMicrometerTracingsTraceIdRecognisedByTheSpanIdBesideIt() {
        MDC.put("traceId", "6b16f802aa");
        MDC.put("spanId", "01");

        assertEquals("6b16f802aa", ActiveTracer.traceId());
    }

    @Test
    void aTraceIdWithoutASpanIdIsNoTracersSoTheSdkKeepsItsOwnRules() {
        MDC.put("traceId", "set-by-seestack");

        assertNull(ActiveTracer.traceId());
    }

    @Test
    void adoptsTheOpenTelemetryAgentsTraceId() {
        MDC.put("trace_id", "0af7651916cd43dd8448eb211c80319c");

        assertEquals("0af7651916cd43dd8448eb211c80319c", ActiveTracer.traceId());
    }

    @Test
    void theCurrentTraceIdFallsBackFromTheContextToTheMdcToTheTracer() {
        MDC.put("trace_id", "agent-1");
        assertEquals("agent-1", TraceIds.current());
        MDC.put("traceId", "mdc-2");
        assertEquals("mdc-2", TraceIds.current());
        try (SeeStackContext.Scope scope = SeeStackContext.with("context-3", null, null)) {
            assertEquals("context-3", TraceIds.current());
        }
    }
}
