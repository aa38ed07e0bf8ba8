package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.testkit.PollUntil;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 16: when sender threads are woken for logs, driven by the pipeline's timer (a ManualScheduler). */
@Timeout(60)
class PipelineWakeUpTest {
    private static final long FLUSH_INTERVAL_MS = 1_000;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger posted = new AtomicInteger();
    // buffer of 100: its trigger is 80 items, so a few logs wait for the timer
    private final DeliveryPipeline pipeline = new DeliveryPipeline(100, FLUSH_INTERVAL_MS, 2, new Transport() {
        @Override
        public TransportResponse post(String path, byte[] body) {
            posted.incrementAndGet();
            return new TransportResponse(202, null, null);
        }

        @Override
        public void close() {
        }
    }, RetryPolicy.standard(), scheduler, new Diagnostics(false, new RecordingSink()), new SensitiveDataMasker(),
            Map.of(), () -> { });

    @BeforeEach
    void start() {
        pipeline.start();
    }

    @AfterEach
    void close() {
        pipeline.close(Duration.ofSeconds(5));
    }

    private static LogEntry log(String message) {
        return new LogEntry(Severity.INFO, message, null, null, null);
    }

    @Test
    void afterAFlushHasDeliveredEverythingNewLogsWaitForTheTimerAgain() {
        pipeline.enqueue(log("before the flush"));
        assertTrue(pipeline.flush(Duration.ofSeconds(10)));
        assertEquals(1, posted.get());

        // the flush released the buffer; now drained, it is back to waiting for its trigger or the timer, so
        // logs captured right after a flush do not keep the senders busy while the application logs
        assertFalse(pipeline.isReleased(Feature.LOGS));
        pipeline.enqueue(log("after the flush"));
        assertFalse(pipeline.isReleased(Feature.LOGS));
        assertEquals(1, pipeline.pending(Feature.LOGS));

        scheduler.advance(FLUSH_INTERVAL_MS);
        // the answer is counted after the post returns: wait for the count, not for the post
        PollUntil.await("the timer sends the log captured after the flush",
                () -> pipeline.counters(Feature.LOGS).sent() == 2);
        assertEquals(2, posted.get());
        assertEquals(0, pipeline.pending(Feature.LOGS));
    }

    @Test
    void aBufferReachingItsTriggerWakesTheSendersWithoutTheTimer() {
        for (int i = 0; i < 80; i++) {
            pipeline.enqueue(log("log " + i));
        }
        PollUntil.await("the trigger sends all 80 logs", () -> pipeline.counters(Feature.LOGS).sent() == 80);
        assertEquals(80, posted.get());
        assertEquals(0, pipeline.pending(Feature.LOGS));
    }
}
