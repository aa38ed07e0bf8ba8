package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.DaemonThreadFactory;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The {@code seestack-sender-*} threads: each takes the next request (a ready retry first, then the released
 * lanes in order) while the AIMD {@link InFlightWindow} has room, encodes and posts it without waiting for the
 * answer, and accounts for the answer when it comes.
 */
final class SenderLoop {
    private final PipelineControl control;
    private final Lanes lanes;
    private final RetryQueue retries;
    private final Transport transport;
    private final PayloadEncoder encoder;
    private final AnswerJudge judge;
    private final OutcomeAccounting outcomes;
    private final Diagnostics diagnostics;
    private final Runnable onUnauthorized;
    /** The pipeline's clock (the scheduler's), for round trips. */
    private final LongSupplier clock;
    /** Requests on the network; whoever removes one (its completion, or the stop) accounts for it. */
    private final Set<Delivery> inFlight;
    /** How many of them at most; guarded by the lock. */
    private final InFlightWindow window = new InFlightWindow();
    private final List<Thread> workers = new ArrayList<>();

    SenderLoop(PipelineControl control, Lanes lanes, RetryQueue retries, Set<Delivery> inFlight, Transport transport,
            PayloadEncoder encoder, AnswerJudge judge, OutcomeAccounting outcomes, Diagnostics diagnostics,
            Runnable onUnauthorized, LongSupplier clock) {
        this.control = control;
        this.lanes = lanes;
        this.retries = retries;
        this.inFlight = inFlight;
        this.transport = transport;
        this.encoder = encoder;
        this.judge = judge;
        this.outcomes = outcomes;
        this.diagnostics = diagnostics;
        this.onUnauthorized = onUnauthorized;
        this.clock = clock;
    }

    /** Requests the window allows in flight now; for tests. */
    int windowSize() {
        control.lock.lock();
        try {
            return window.size();
        } finally {
            control.lock.unlock();
        }
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
                d = take();
            } catch (InterruptedException e) {
                return;
            }
            if (d == null) {
                return;
            }
            dispatch(d);
        }
    }

    private Delivery take() throws InterruptedException {
        control.lock.lock();
        try {
            while (true) {
                if (control.isStopped()) {
                    return null;
                }
                if (inFlight.size() >= window.size()) {
                    control.workAvailable.await(); // a completion signals
                    continue;
                }
                Delivery d = takeIfRoom();
                if (d != null) {
                    control.workAvailable.signal(); // pass the baton: more work may remain for another sender
                    return d;
                }
                long linger = lanes.lingerRemainingNanos();
                if (linger > 0) {
                    control.workAvailable.awaitNanos(linger);
                } else {
                    control.workAvailable.await();
                }
            }
        } finally {
            control.lock.unlock();
        }
    }

    /** The next request to send, or null; called with the lock held. */
    private Delivery next() {
        Delivery retry = retries.pollReady();
        return retry != null ? retry : lanes.takeReleased();
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
            diagnostics.debug(() -> "  -> dropped, could not send: " + e);
            complete(d, RetryDecision.REJECTED, null, false);
            return;
        }
        answer.whenComplete((response, failure) -> {
            boolean later = !d.dispatching; // not completed inline by the transport
            Delivery next = complete(d, judge.decide(d, response, failure), response, later);
            if (next != null) {
                dispatch(next);
            }
        });
        d.dispatching = false;
    }

    /**
     * Accounts for the answer of {@code d} ({@code response}: the status that came, null for a failure). When it was
     * an HTTP answer that came after its dispatch returned ({@code later}: on the HTTP client's thread, so this cannot
     * recurse) and the window has room, returns the next request for the caller to dispatch at once: a steady
     * stream then flows answer to request on the HTTP client's thread, without waking a sender thread per request
     * (two context switches each on a small machine).
     */
    private Delivery complete(Delivery d, RetryDecision decision, TransportResponse response, boolean later) {
        boolean httpAnswer = response != null;
        if (!inFlight.remove(d)) {
            return null; // answered after the stop had counted it: ignored
        }
        boolean retry = outcomes.count(d, decision);
        control.lock.lock();
        try {
            d.lane.inFlightItems -= d.itemCount;
            if (retry) {
                retries.schedule(d, decision.delayMs());
            }
            boolean failed = retry && decision.delayMs() > 0 || decision.kind() == RetryDecision.Kind.EXHAUSTED;
            // grow only when the window was the limit (full before this answer) and work waits: answers that came
            // back while it had room say nothing about needing more, so a 1 000 logs/s stream at 50 ms settles
            // near 50 in flight instead of climbing to the bound
            if (httpAnswer && response.multiplexed()) {
                window.multiplexed();
            }
            boolean limited = inFlight.size() + 1 >= window.size();
            // only an accepted or rejected HTTP answer times the path: a refused connection, or a 503 from a
            // proxy, comes back at once
            long sentAt = httpAnswer && !failed ? d.sentAt : InFlightWindow.UNTIMED;
            long now = clock.getAsLong();
            window.offered(offeredItems(), now);
            window.onAnswer(failed, limited ? waitingItems() : 0, sentAt, now, httpAnswer && !response.newConnection());
            Delivery next = httpAnswer && later && decision.kind() != RetryDecision.Kind.DISABLE ? takeIfRoom() : null;
            if (next == null || inFlight.size() < window.size()) {
                control.workAvailable.signal(); // room (and maybe work) left for a sender
            }
            control.progress.signalAll();
            if (next != null) {
                return next;
            }
        } finally {
            control.lock.unlock();
        }
        if (decision.kind() == RetryDecision.Kind.DISABLE) {
            onUnauthorized.run();
        }
        return null;
    }

    /** The next request when the pipeline runs and the window has room, moved in flight; or null. Lock held. */
    private Delivery takeIfRoom() {
        if (control.isStopped() || inFlight.size() >= window.size()) {
            return null;
        }
        Delivery d = next();
        if (d != null) {
            window.offered(offeredItems(), clock.getAsLong());
            inFlight.add(d);
            d.lane.inFlightItems += d.itemCount;
        }
        return d;
    }

    /** Items captured so far by every lane: the load offered to the window. */
    private long offeredItems() {
        long n = 0;
        for (Lane lane : lanes.inTakeOrder()) {
            n += lane.counters.captured();
        }
        return n;
    }

    /** Items waiting for a place in the window; called with the lock held. */
    private long waitingItems() {
        // a lane still filling towards its trigger counts too: its items are about to be released
        return retries.readyCount() + lanes.bufferedItems();
    }
}
