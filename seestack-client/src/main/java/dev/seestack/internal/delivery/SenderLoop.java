package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.DaemonThreadFactory;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The {@code seestack-sender-*} threads: each takes the next request from {@link PipelineControl} (which owns the
 * in-flight window and the retries), encodes and posts it without waiting for the answer, judges the answer by the
 * {@link Outcome} table and {@link RetryPolicy}, and hands the verdict back to the control. Its only state is its
 * thread list, written by {@link #start} before any thread runs.
 */
final class SenderLoop {
    private final PipelineControl control;
    private final Transport transport;
    private final PayloadEncoder encoder;
    private final RetryPolicy retryPolicy;
    private final Diagnostics diagnostics;
    /** The pipeline's clock (the scheduler's), for round trips. */
    private final LongSupplier clock;
    private final List<Thread> workers = new ArrayList<>();

    SenderLoop(PipelineControl control, Transport transport, PayloadEncoder encoder, RetryPolicy retryPolicy,
            Diagnostics diagnostics, LongSupplier clock) {
        this.control = control;
        this.transport = transport;
        this.encoder = encoder;
        this.retryPolicy = retryPolicy;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    /** Starts {@code count} sender threads. */
    void start(int count) {
        DaemonThreadFactory threads = new DaemonThreadFactory("sender");
        for (int i = 0; i < count; i++) {
            Thread t = threads.newThread(this::run);
            workers.add(t);
            t.start();
        }
    }

    /** Waits for the stopped senders to end by {@code end} (nanoTime), interrupting a straggler. */
    void join(long end) {
        for (Thread t : workers) {
            if (t == Thread.currentThread()) {
                continue;
            }
            try {
                long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
                t.join(Math.min(remainingMs, 250));
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private void run() {
        while (true) {
            Delivery d;
            try {
                d = control.take();
            } catch (InterruptedException e) {
                return;
            }
            if (d == null) {
                return;
            }
            dispatch(d);
        }
    }

    /** Encodes and sends {@code d} without waiting for its answer; {@link #complete} runs when it comes. */
    private void dispatch(Delivery d) {
        CompletableFuture<TransportResponse> answer;
        try {
            if (d.body == null) {
                d.body = encoder.encode(d.payload);
            }
            if (d.unconfirmed) {
                d.lane.counters.resentUnconfirmed.add(d.itemCount); // the backend may now hold two copies
            }
            d.attempts++;
            if (diagnostics.isDebug()) {
                diagnostics.debug(() -> "POST " + d.lane.feature.path() + " attempt " + d.attempts + " "
                        + new String(d.body, StandardCharsets.UTF_8));
            }
            d.dispatching = true;
            d.sentAt = clock.getAsLong();
            answer = transport.postAsync(d.lane.feature.path(), d.body);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            d.dispatching = false;
            // encoding or transport bug: never loop on it, and never let it end this sender thread
            diagnostics.debug(() -> Outcome.NOT_SENT.warning(e));
            control.complete(d, RetryDecision.REJECTED, null, false);
            return;
        }
        answer.whenComplete((response, failure) -> {
            boolean later = !d.dispatching; // not completed inline by the transport
            Delivery next = control.complete(d, judge(d, response, failure), response, later);
            if (next != null) {
                dispatch(next);
            }
        });
        d.dispatching = false;
    }

    /** The verdict on one answer (or failure) of {@code d}; runs on the transport's thread, never throws. */
    private RetryDecision judge(Delivery d, TransportResponse response, Throwable failure) {
        d.unconfirmed = false;
        try {
            if (failure != null) {
                return judgeFailure(d, failure);
            }
            Outcome outcome = Outcome.of(response.status());
            if (outcome == Outcome.REDIRECT) {
                diagnostics.warnOnce("redirect", outcome.warning(response.status(), response.location()));
            }
            RetryDecision decision = retryPolicy.onStatus(response.status(), response.retryAfter(),
                    d.attempts, d.rateLimitRetries);
            if (outcome == Outcome.RATE_LIMITED && decision.retried()) {
                d.rateLimitRetries++;
            }
            if (diagnostics.isDebug()) {
                diagnostics.debug(() -> "  -> " + response.status() + " " + decision
                        + (response.body() == null ? "" : " " + response.body()));
            }
            return decision;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return RetryDecision.REJECTED;
        }
    }

    private RetryDecision judgeFailure(Delivery d, Throwable failure) {
        Outcome outcome = Outcome.ofFailure(failure);
        Throwable cause = Outcome.rootCause(failure);
        if (outcome == Outcome.NOT_SENT) {
            diagnostics.debug(() -> outcome.warning(cause));
            return RetryDecision.REJECTED;
        }
        if (outcome == Outcome.NO_ANSWER) {
            if (Outcome.isTlsFailure(cause)) {
                diagnostics.alertOnce("WARN", "tls", cause.getMessage()); // once per client, on stderr too
            }
            d.unconfirmed = Outcome.sentButUnanswered(cause);
            boolean unconfirmed = d.unconfirmed;
            diagnostics.debug(() -> "  -> network failure " + cause
                    + (unconfirmed ? " (unconfirmed: it may be stored)" : ""));
        }
        return retryPolicy.onFailure(outcome, d.attempts - d.rateLimitRetries);
    }
}
