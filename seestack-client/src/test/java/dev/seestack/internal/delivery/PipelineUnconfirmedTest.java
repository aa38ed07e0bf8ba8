package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.ErrorEntry;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.transport.UnconfirmedDeliveryException;
import dev.seestack.testkit.PollUntil;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A request sent in full whose answer never came may have been stored: counted as unconfirmed, never lost. */
@Timeout(60)
class PipelineUnconfirmedTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();
    private final AtomicInteger attempts = new AtomicInteger();
    private DeliveryPipeline pipeline;

    /** A pipeline over a transport that fails the first {@code failures} attempts with {@code failure}. */
    private void start(int failures, IOException failure) {
        pipeline = new DeliveryPipeline(100, Long.MAX_VALUE, 5_000, 1, new Transport() {
            @Override
            public TransportResponse post(String path, byte[] body) throws IOException {
                if (attempts.incrementAndGet() <= failures) {
                    throw failure;
                }
                return new TransportResponse(202, null, null);
            }

            @Override
            public void close() {
            }
        }, new RetryPolicy(() -> 0, System::currentTimeMillis), clock, new Diagnostics(false, sink),
                new SensitiveDataMasker(), Map.of(), () -> { });
        pipeline.start();
        pipeline.enqueue(new ErrorEntry(new IllegalStateException("boom"), null, Severity.ERROR, "test", null, null,
                (java.util.Map<String, Object>) null));
    }

    @AfterEach
    void close() {
        pipeline.close(Duration.ofSeconds(1));
    }

    /** Lets the four retry delays pass (1, 2, 4, 8 s) and waits until the item is given up on; its counters. */
    private FeatureCounters spendTheRetries() {
        long[] delays = {1000, 2000, 4000, 8000};
        for (int i = 0; i < delays.length; i++) {
            retryAfter(i + 1, delays[i]);
        }
        PollUntil.await("given up on", () -> pipeline.pending(Feature.ERRORS) == 0);
        return pipeline.counters(Feature.ERRORS);
    }

    /** Waits for attempt {@code n}, then lets its retry delay pass. */
    private void retryAfter(int n, long delayMs) {
        PollUntil.await("attempt " + n + " answered", () -> clock.requestedDelays().size() == n);
        clock.advance(delayMs);
    }

    @Test
    void anAttemptSentButNeverAnsweredIsCountedWhenItIsSentAgain() {
        start(1, new UnconfirmedDeliveryException("reset after the body", null));
        retryAfter(1, 1000);
        PollUntil.await("delivered", () -> pipeline.counters(Feature.ERRORS).sent() == 1);
        FeatureCounters errors = pipeline.counters(Feature.ERRORS);
        assertEquals(1, errors.resentUnconfirmed(), "the backend may hold two copies: visible");
        assertEquals(0, errors.unconfirmed());
        assertEquals(0, errors.droppedAfterRetries());
    }

    @Test
    void retriesSpentOnUnansweredAttemptsAreUnconfirmedNotDropped() {
        start(Integer.MAX_VALUE, new UnconfirmedDeliveryException("no answer", null));
        FeatureCounters errors = spendTheRetries();
        assertEquals(1, errors.unconfirmed());
        assertEquals(0, errors.droppedAfterRetries());
        assertEquals(4, errors.resentUnconfirmed());
        assertEquals(errors.captured(), errors.sent() + errors.unconfirmed() + errors.droppedAfterRetries());
        PollUntil.await("one line on the status channel", () -> sink.containing("errors dropped (retries spent, the"
                + " last attempt sent but never answered: it may have been stored): 1 (stats().errors().unconfirmed)")
                .size() == 1);
    }

    @Test
    void aRefusedConnectionSentNothingSoItsSpentRetriesAreDropped() {
        start(Integer.MAX_VALUE, new ConnectException("Connection refused"));
        FeatureCounters errors = spendTheRetries();
        assertEquals(1, errors.droppedAfterRetries());
        assertEquals(0, errors.unconfirmed());
        assertEquals(0, errors.resentUnconfirmed());
    }
}
