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

/** A buffer bounded in bytes as well as items: whichever bound is reached first drops the oldest, counted. */
@Timeout(120)
class PipelineByteBudgetTest {
    private static final int ITEMS = 100_000;
    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void reachingTheByteBoundBeforeTheItemBoundDropsTheOldestAndCountsIt() {
        LogEntry first = log("first");
        int weight = first.retainedBytes();
        DeliveryPipeline pipeline = pipeline(10L * weight);
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

    @Test
    void retriesWaitingOnADownBackendCountAgainstTheByteBound() {
        long bound = 1_000L * log("log 00000a").retainedBytes();
        DeliveryPipeline pipeline = pipeline(bound);
        pipeline.start();
        long maxHeld = 0;
        for (int ms = 0; ms < 30_000; ms++) { // 30 s of the SDK's time at 2 000 logs/s: twice the retry budget
            pipeline.enqueue(log(String.format("log %05da", ms)));
            pipeline.enqueue(log(String.format("log %05db", ms)));
            clock.advance(1);
            long held = pipeline.heldItems(Feature.LOGS);
            maxHeld = Math.max(maxHeld, held);
            assertTrue(held <= 1_000 + DeliveryPipeline.MAX_IN_FLIGHT, "held " + held + " at " + ms + " ms");
        }
        FeatureCounters logs = pipeline.counters(Feature.LOGS);
        assertTrue(maxHeld > 900, "the bytes bound, not the items, limited what was held: " + maxHeld);
        assertTrue(logs.droppedBufferFull() > 0, "the budget dropped and counted the oldest");
        pipeline.close(Duration.ofMillis(500));
        assertEquals(60_000, logs.captured());
        assertEquals(0, pipeline.heldItems(Feature.LOGS));
        assertEquals(logs.captured(), logs.sent() + logs.unconfirmed() + logs.droppedBufferFull()
                + logs.droppedAfterRetries() + logs.droppedDisabled() + logs.rejected() + logs.spooled(),
                "every item counted once");
    }

    private DeliveryPipeline pipeline(long bufferBytes) {
        return new DeliveryPipeline(ITEMS, bufferBytes, 5_000, 1, new Transport() {
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
