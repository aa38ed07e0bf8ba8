package dev.seestack.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.internal.event.ErrorEntry;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The estimate of the heap a buffered event retains (what bounds the buffers in bytes): string lengths plus a fixed
 * size per object, taken once at capture. The figures are the estimate's own constants: a string 40 + its length,
 * an object 32, a map or list 64 plus 40 per entry, a throwable 64 plus 80 per frame.
 */
class RetainedBytesEstimateTest {
    private static final String[] LOG_TAIL = {"exceptionClass", "exceptionMessage"};

    @Test
    void aLogWithMessageMdcAndThrowableCountsEachStringAndAFixedSizePerObject() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("traceId", "trace-1"); // 40 + (40 + 7) + (40 + 7) = 134
        mdc.put("requestPath", "/api/orders/7"); // 40 + (40 + 11) + (40 + 13) = 144
        EventMetadata metadata = new EventMetadata("com.shop.Checkout", "main", null, mdc, new String[0], null, null,
                null, LOG_TAIL, "java.lang.IllegalStateException", "gateway down", null);
        LogEntry log = new LogEntry(Severity.ERROR, "order 7 failed", null, "trace-1", metadata, 0L);

        int entry = 32 + 40 + 14;
        int snapshot = 2 * 32 + (64 + 134 + 144) + (40 + 31) + (40 + 12); // object, MDC, the two tail strings
        assertEquals(entry + snapshot, log.retainedBytes());
        assertEquals(entry + snapshot, log.retainedBytes(), "the same weight on every call");
    }

    @Test
    void anErrorCountsTheFramesAndMessagesOfItsCauseChain() {
        StackTraceElement frame = new StackTraceElement("com.shop.Checkout", "pay", "Checkout.java", 42);
        IllegalStateException cause = new IllegalStateException("db");
        cause.setStackTrace(new StackTraceElement[] {frame, frame, frame});
        RuntimeException top = new RuntimeException("rates down", cause);
        top.setStackTrace(new StackTraceElement[] {frame, frame, frame, frame, frame});
        ErrorEntry error = new ErrorEntry(top, null, Severity.ERROR, null, null, null, (Map<String, Object>) null);

        int throwables = (64 + 40 + 10 + 5 * 80) + (64 + 40 + 2 + 3 * 80);
        assertEquals(32 + throwables, error.retainedBytes());
    }

    @Test
    void aStringLongerThanWhatIsSentCountsOnlyWhatIsSent() {
        Map<String, String> mdc = Map.of("huge", "x".repeat(1_000_000));
        EventMetadata metadata = new EventMetadata("l", "t", null, mdc, new String[0], null, null, null, LOG_TAIL,
                null, null, null);
        LogEntry log = new LogEntry(Severity.INFO, "m", null, null, metadata, 0L);

        // one huge MDC value must not weigh more than a whole buffer and evict everything else
        assertEquals(32 + 40 + 1 + 2 * 32 + 64 + 40 + (40 + 4) + (40 + LogEntry.MAX_MESSAGE_CHARS),
                log.retainedBytes());
    }

    @Test
    void metadataValuesAreCountedAtAnyDepth() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("ids", List.of("a", "bc"));
        LogEntry log = new LogEntry(Severity.INFO, "m", null, null, nested);

        int entry = 32 + 40 + 1;
        int list = 64 + (40 + 41) + (40 + 42);
        int snapshot = 32 + 64 + 40 + (40 + 3) + list; // the snapshot, the map, its entry, its key, its value
        assertEquals(entry + snapshot, log.retainedBytes());
    }
}
