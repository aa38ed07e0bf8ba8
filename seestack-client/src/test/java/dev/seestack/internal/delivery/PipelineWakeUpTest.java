package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.transport.Transport;
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

/** When sender threads are woken for logs, driven by the pipeline's timer (a ManualScheduler). */
@Timeout(60)
class PipelineWakeUpTest {
    private static final long FLUSH_INTERVAL_MS = 1_000;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger posted = new AtomicInteger();
    // buffer of 100: its trigger is 50 items (the stream trigger, below 80 %), so a few logs wait for the timer
    private DeliveryPipeline pipeline = pipeline(100);

    private DeliveryPipeline pipeline(int bufferSize) {
        return new DeliveryPipeline(bufferSize, Long.MAX_VALUE, FLUSH_INTERVAL_MS, 2, new Transport() {
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
    }

    @BeforeEach
    void start() {
        pipeline.start();
    }

    @AfterEach
    void close() {
        pipeline.close(Duration.ofSeconds(5));
    }

    @Test
    void inALargeBufferFiftyLogsStartTheSendersWithoutWaitingForEightyPercent() {
        pipeline.close(Duration.ofSeconds(5));
        pipeline = pipeline(1000);
        pipeline.start();
        for (int i = 0; i < Lane.STREAM_TRIGGER - 1; i++) {
            pipeline.enqueue(log("log " + i));
        }
        assertFalse(pipeline.isReleased(Feature.LOGS), "49 logs wait for the timer");
        assertEquals(0, posted.get());
        pipeline.enqueue(log("the fiftieth"));
        // not 800 (80 % of the buffer): one log per request gains nothing from waiting, it only bunches them
        PollUntil.await("the fiftieth log sends all fifty", () -> pipeline.counters(Feature.LOGS).sent() == 50);
        assertEquals(50, posted.get());
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
