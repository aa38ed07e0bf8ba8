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

/**
 * What waits for a retry counts against the buffer's budget, in items and in bytes: a long outage holds no more than
 * the buffer; whichever bound is reached first drops the oldest, counted.
 */
@Timeout(120)
class PipelineBudgetTest {
    private static final int BUFFER = 1000;
    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void aBackendDownLongerThanTheRetryBudgetAtTwoThousandLogsPerSecondHoldsNoMoreThanTheBuffer() {
        DeliveryPipeline pipeline = pipelineToADownBackend(BUFFER, Long.MAX_VALUE);
        long maxRetrying = outageOfThirtySeconds(pipeline);
        assertTrue(maxRetrying > 100, "retries did wait: " + maxRetrying);
    }

    @Test
    void retriesWaitingOnADownBackendCountAgainstTheByteBound() {
        // the bytes of 1 000 of these logs, in a buffer of 100 000 items: only the byte bound can hold them back
        DeliveryPipeline pipeline = pipelineToADownBackend(100 * BUFFER, BUFFER * log("log 00000a").retainedBytes());
        long maxRetrying = outageOfThirtySeconds(pipeline);
        assertTrue(maxRetrying > 100, "retries did wait: " + maxRetrying);
    }

    @Test
    void reachingTheByteBoundBeforeTheItemBoundDropsTheOldestAndCountsIt() {
        LogEntry first = log("first");
        DeliveryPipeline pipeline = pipelineToADownBackend(100 * BUFFER, 10L * first.retainedBytes());
        pipeline.enqueue(first);
        for (int i = 1; i < 10; i++) {
            pipeline.enqueue(log("log-" + i)); // the same length as "first": the same weight
        }
        FeatureCounters logs = pipeline.counters(Feature.LOGS);
        assertEquals(0, logs.droppedBufferFull());

        pipeline.enqueue(log("last!"));

        assertEquals(1, logs.droppedBufferFull(), "the oldest went when the bytes, not the items, ran out");
        assertEquals(10, pipeline.heldItems(Feature.LOGS));
        assertEquals(1, sink.containing("logs dropped (the buffer was full)").size(), sink.lines().toString());
        pipeline.close(Duration.ofMillis(100));
    }

    /**
     * 30 s of the SDK's time at 2 000 logs/s of the same size (twice the retry budget of 1+2+4+8 s): checks that the
     * items held never exceed {@value #BUFFER} plus the window and that every item is counted once; returns the most
     * items that waited for a retry at once.
     */
    private long outageOfThirtySeconds(DeliveryPipeline pipeline) {
        pipeline.start();
        long maxRetrying = 0;
        for (int ms = 0; ms < 30_000; ms++) {
            pipeline.enqueue(log(String.format("log %05da", ms)));
            pipeline.enqueue(log(String.format("log %05db", ms)));
            clock.advance(1);
            long held = pipeline.heldItems(Feature.LOGS);
            maxRetrying = Math.max(maxRetrying, held - pipeline.bufferedItems(Feature.LOGS));
            assertTrue(held <= BUFFER + DeliveryPipeline.MAX_IN_FLIGHT, "held " + held + " at " + ms + " ms");
            int timers = clock.pendingOneShots(); // a dropped retry's timer must not hold it either
            assertTrue(timers <= BUFFER, timers + " retry timers at " + ms + " ms");
        }
        FeatureCounters logs = pipeline.counters(Feature.LOGS);
        assertTrue(logs.droppedBufferFull() > 0, "the budget dropped and counted the oldest");
        assertEquals(1, sink.containing("logs dropped (the buffer was full)").size(), sink.lines().toString());
        pipeline.close(Duration.ofMillis(500));
        assertEquals(60_000, logs.captured());
        assertEquals(0, pipeline.heldItems(Feature.LOGS));
        assertEquals(logs.captured(), logs.sent() + logs.unconfirmed() + logs.droppedBufferFull()
                + logs.droppedAfterRetries() + logs.droppedDisabled() + logs.rejected() + logs.spooled(),
                "every item counted once");
        System.out.println("BUDGET most waiting for a retry " + maxRetrying);
        return maxRetrying;
    }

    private DeliveryPipeline pipelineToADownBackend(int bufferSize, long bufferBytes) {
        return new DeliveryPipeline(bufferSize, bufferBytes, 5_000, 1, new Transport() {
            @Override
            public TransportResponse post(String path, byte[] body) throws IOException {
                throw new ConnectException("Connection refused"); // the backend is down
            }

            @Override
            public void close() {
            }
        }, new RetryPolicy(() -> 0, System::currentTimeMillis), clock, new Diagnostics(false, sink),
                new SensitiveDataMasker(), Map.of(), () -> { });
    }

    private static LogEntry log(String message) {
        return new LogEntry(Severity.INFO, message, null, null, null);
    }
}
