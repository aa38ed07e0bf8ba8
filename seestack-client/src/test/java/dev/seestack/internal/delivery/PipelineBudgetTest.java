package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.transport.TransportResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What waits for a retry counts against the buffer's budget: a long outage holds no more than the buffer. */
@Timeout(120)
class PipelineBudgetTest {
    private static final int BUFFER = 1000;
    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();
    private final DeliveryPipeline pipeline = new DeliveryPipeline(BUFFER, Long.MAX_VALUE, 5_000, 1, new Transport() {
        @Override
        public TransportResponse post(String path, byte[] body) throws IOException {
            throw new ConnectException("Connection refused"); // the backend is down
        }

        @Override
        public void close() {
        }
    }, new RetryPolicy(() -> 0, System::currentTimeMillis), clock, new Diagnostics(false, sink),
            new SensitiveDataMasker(), Map.of(), () -> { });

    @Test
    void aBackendDownLongerThanTheRetryBudgetAtTwoThousandLogsPerSecondHoldsNoMoreThanTheBuffer() {
        pipeline.start();
        long maxHeld = 0;
        long maxRetrying = 0;
        for (int ms = 0; ms < 30_000; ms++) { // 30 s of the SDK's time: twice the retry budget of 1+2+4+8 s
            pipeline.enqueue(new LogEntry(Severity.INFO, "log " + ms + "a", null, null, null));
            pipeline.enqueue(new LogEntry(Severity.INFO, "log " + ms + "b", null, null, null));
            clock.advance(1);
            long held = pipeline.heldItems(Feature.LOGS);
            maxHeld = Math.max(maxHeld, held);
            maxRetrying = Math.max(maxRetrying, held - bufferedOrInFlight());
            assertTrue(held <= BUFFER + DeliveryPipeline.MAX_IN_FLIGHT, "held " + held + " at " + ms + " ms");
            int timers = clock.pendingOneShots(); // a dropped retry's timer must not hold it either
            assertTrue(timers <= BUFFER, timers + " retry timers at " + ms + " ms");
        }
        FeatureCounters logs = pipeline.counters(Feature.LOGS);
        assertTrue(maxRetrying > 100, "retries did wait: " + maxRetrying);
        assertTrue(logs.droppedBufferFull() > 0, "the budget dropped and counted the oldest");
        assertEquals(1, sink.containing("logs dropped (the buffer was full)").size(), sink.lines().toString());
        pipeline.close(Duration.ofMillis(500));
        assertEquals(60_000, logs.captured());
        assertEquals(0, pipeline.heldItems(Feature.LOGS));
        assertEquals(logs.captured(), logs.sent() + logs.unconfirmed() + logs.droppedBufferFull()
                + logs.droppedAfterRetries() + logs.droppedDisabled() + logs.rejected() + logs.spooled(),
                "every item counted once");
        System.out.println("BUDGET most held " + maxHeld + ", most waiting for a retry " + maxRetrying);
    }

    private long bufferedOrInFlight() {
        return pipeline.bufferedItems(Feature.LOGS);
    }
}
