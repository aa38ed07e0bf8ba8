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
    /** The pipeline's clock: round trips take only the time the test advances. */
    private final ManualScheduler clock = new ManualScheduler();
    private final DeliveryPipeline pipeline = new DeliveryPipeline(1000, Long.MAX_VALUE, 60_000, 2, new Transport() {
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
    }, RetryPolicy.standard(), clock, new Diagnostics(false, new RecordingSink()),
            new SensitiveDataMasker(), Map.of(), () -> { });

    @AfterEach
    void close() {
        unanswered.forEach(a -> a.complete(new TransportResponse(202, null, null)));
        pipeline.close(Duration.ofMillis(500)); // the 503's last attempt is never answered: no need to wait for it
    }

    /** Starts the pipeline with 1 000 logs waiting; returns once its one first request is out. */
    private void startWithABacklogOf1000() {
        pipeline.start();
        for (int i = 0; i < 1000; i++) {
            pipeline.enqueue(new LogEntry(Severity.INFO, "log " + i, null, null, null));
        }
        PollUntil.await("one request until the backend answers", () -> unanswered.size() == 1);
    }

    private void answerOldest() {
        unanswered.poll().complete(new TransportResponse(202, null, null));
    }

    @Test
    void aDeepBacklogDoublesTheRequestsInFlightWithEachAnswerUpToTheBound() {
        startWithABacklogOf1000();
        int expected = InFlightWindow.INITIAL;
        for (int answered = 1; answered <= 8; answered++) {
            answerOldest();
            // the first answer opens the window (8) and, with 999 waiting, doubles it; then each one doubles it
            expected = Math.min(InFlightWindow.MAX, expected * 2);
            int window = expected;
            PollUntil.await("a window of " + window, () -> unanswered.size() == window);
        }
        assertEquals(8, pipeline.counters(Feature.LOGS).sent());
        assertEquals(1000 - 8, pipeline.pending(Feature.LOGS));
    }

    @Test
    void aFailedAnswerHalvesTheRequestsInFlight() {
        startWithABacklogOf1000();
        answerOldest(); // opens the window (8) and, with 999 waiting, doubles it: 16
        PollUntil.await("the window open", () -> unanswered.size() == 16);
        unanswered.poll().complete(new TransportResponse(503, null, null)); // retried later; the window halves to 8
        PollUntil.await("the 503 counted", () -> unanswered.size() == 15);
        answerOldest(); // 14 still in flight, above the halved window: nothing new goes out, and it does not grow
        PollUntil.await("two sent", () -> pipeline.counters(Feature.LOGS).sent() == 2);
        assertEquals(14, unanswered.size(), "no replacement while above the halved window");
    }

    @Test
    void answersThatQueueBehindEachOtherAreProbedAndAConfirmedQueueShrinksTheRequestsInFlight() {
        startWithABacklogOf1000();
        clock.advance(1);
        answerOldest(); // 1 ms: the path's round trip; opens the window (8) and doubles it
        PollUntil.await("the window open", () -> unanswered.size() == 16);
        int before = 0;
        for (int i = 0; i < 900 && pipeline.windowSize() != QueueingGate.PROBE_REQUESTS; i++) {
            before = pipeline.windowSize();
            clock.advance(20);
            answerOldest(); // 20 ms and more: one slow answer is no queue, so it grows; a whole round of them is
        }
        assertEquals(QueueingGate.PROBE_REQUESTS, pipeline.windowSize(), "a round queued: the path is measured");
        int sentBeforeTheProbe = unanswered.size();
        for (int i = 0; i < sentBeforeTheProbe; i++) {
            answerOldest(); // sent before the probe: they do not count in it
        }
        PollUntil.await("the probe's four requests", () -> unanswered.size() == QueueingGate.PROBE_REQUESTS);
        clock.advance(1);
        for (int i = 0; i < QueueingGate.PROBE_REQUESTS; i++) {
            answerOldest(); // 1 ms again: the queue was ours
        }
        int confirmed = before - before / 4;
        assertEquals(confirmed, pipeline.windowSize(), "a quarter off the window of " + before);
        PollUntil.await(confirmed + " in flight", () -> unanswered.size() == confirmed);
    }
}
