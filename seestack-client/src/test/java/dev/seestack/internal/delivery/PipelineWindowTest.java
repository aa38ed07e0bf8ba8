package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests in flight follow the backlog, with answers the test gives one at a time like a slow network. */
@Timeout(60)
class PipelineWindowTest {
    /** Requests sent and not yet answered, oldest first. */
    private final ConcurrentLinkedQueue<CompletableFuture<TransportResponse>> unanswered = new ConcurrentLinkedQueue<>();
    private final DeliveryPipeline pipeline = new DeliveryPipeline(1000, 60_000, 2, new Transport() {
        @Override
        public TransportResponse post(String path, byte[] body) {
            throw new UnsupportedOperationException("asynchronous only");
        }

        @Override
        public CompletableFuture<TransportResponse> postAsync(String path, byte[] body) {
            CompletableFuture<TransportResponse> answer = new CompletableFuture<>();
            unanswered.add(answer);
            return answer;
        }

        @Override
        public void close() {
        }
    }, RetryPolicy.standard(), new ManualScheduler(), new Diagnostics(false, new RecordingSink()),
            new SensitiveDataMasker(), Map.of(), () -> { });

    @AfterEach
    void close() {
        unanswered.forEach(a -> a.complete(new TransportResponse(202, null, null)));
        pipeline.close(Duration.ofMillis(500)); // the 503's last attempt is never answered: no need to wait for it
    }

    private void answerOldest() {
        unanswered.poll().complete(new TransportResponse(202, null, null));
    }

    @Test
    void whileLogsWaitEachAnswerLetsOneMoreRequestIntoFlight() {
        pipeline.start();
        for (int i = 0; i < 1000; i++) {
            pipeline.enqueue(new LogEntry(Severity.INFO, "log " + i, null, null, null));
        }
        PollUntil.await("one request until the backend answers", () -> unanswered.size() == 1);
        for (int answered = 1; answered <= 40; answered++) {
            answerOldest();
            int expected = InFlightWindow.INITIAL + answered; // the answered one replaced, plus one more
            PollUntil.await("a window of " + expected, () -> unanswered.size() == expected);
        }
        assertEquals(40, pipeline.counters(Feature.LOGS).sent());
        assertEquals(1000 - 40, pipeline.pending(Feature.LOGS));
    }

    @Test
    void aFailedAnswerHalvesTheRequestsInFlight() {
        pipeline.start();
        for (int i = 0; i < 1000; i++) {
            pipeline.enqueue(new LogEntry(Severity.INFO, "log " + i, null, null, null));
        }
        PollUntil.await("one request until the backend answers", () -> unanswered.size() == 1);
        answerOldest(); // opens the window: 8 + 1
        PollUntil.await("the window open", () -> unanswered.size() == InFlightWindow.INITIAL + 1);
        unanswered.poll().complete(new TransportResponse(503, null, null)); // retried later; the window halves to 4
        PollUntil.await("the 503 counted", () -> unanswered.size() == InFlightWindow.INITIAL);
        answerOldest(); // a 202 grows the window to 5, but 7 are still in flight: nothing new goes out
        PollUntil.await("two sent", () -> pipeline.counters(Feature.LOGS).sent() == 2);
        assertEquals(InFlightWindow.INITIAL - 1, unanswered.size(), "no replacement while above the halved window");
    }
}
