package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.transport.Transport;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.testkit.PollUntil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A close that gives up on requests still unanswered hands them to the spool, so a restart can send them. */
@Timeout(30)
class PipelineCloseSpoolTest {
    private final AtomicInteger posted = new AtomicInteger();
    private final List<String> spooled = new CopyOnWriteArrayList<>();
    private final ManualScheduler scheduler = new ManualScheduler();

    @Test
    void requestsStillUnansweredAtTheCloseDeadlineAreSpooledNotDropped() {
        DeliveryPipeline pipeline = new DeliveryPipeline(100, Long.MAX_VALUE, 60_000, 2, new Transport() {
            @Override
            public TransportResponse post(String path, byte[] body) {
                throw new UnsupportedOperationException("asynchronous only");
            }

            @Override
            public CompletableFuture<TransportResponse> postAsync(String path, byte[] body) {
                posted.incrementAndGet();
                return new CompletableFuture<>(); // a backend that never answers
            }

            @Override
            public void close() {
            }
        }, RetryPolicy.standard(), scheduler, new Diagnostics(false, new RecordingSink()),
                new SensitiveDataMasker(), Map.of(), () -> { });
        pipeline.spoolTo(new SpoolSink() {
            @Override
            public boolean offer(Feature feature, int itemCount, Supplier<byte[]> body) {
                spooled.add(new String(body.get(), StandardCharsets.UTF_8));
                return true;
            }

            @Override
            public void onDelivered() {
            }
        });
        pipeline.start();
        for (int i = 0; i < 3; i++) {
            pipeline.enqueue(new LogEntry(Severity.INFO, "unanswered " + i, null, null, null));
        }
        scheduler.advance(60_000); // the flush timer releases the buffer
        // one on the wire (one at a time until a first answer), two still buffered
        PollUntil.await("a request on the wire", () -> posted.get() == 1);

        pipeline.close(Duration.ofMillis(300));

        FeatureCounters logs = pipeline.counters(Feature.LOGS);
        assertEquals(3, logs.spooled(), "the unanswered one spooled too, not dropped by the stop");
        assertEquals(0, logs.droppedDisabled());
        assertEquals(3, spooled.size());
        assertEquals(0, pipeline.pending(Feature.LOGS));
    }
}
