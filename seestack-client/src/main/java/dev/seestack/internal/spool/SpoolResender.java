package dev.seestack.internal.spool;

import dev.seestack.internal.transport.DaemonThreadFactory;
import dev.seestack.internal.delivery.Outcome;
import dev.seestack.internal.delivery.RetryDecision;
import dev.seestack.internal.delivery.Scheduler;
import dev.seestack.internal.diag.Diagnostics;
import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Resends spooled requests, oldest first, one at a time on its own thread ({@code seestack-spool-resender-1}):
 * the next one goes as soon as the previous was answered 2xx, so the pace is the backend's. It starts at once
 * with what an earlier process left; after a failure it waits until the delivery engine reports a 2xx or a probe
 * timer fires (1 s doubling to 30 s, or the {@code Retry-After}), then tries the same record again. A 401 stops it.
 */
final class SpoolResender {
    static final long FIRST_PROBE_MS = 1000;
    static final long MAX_PROBE_MS = 30_000;

    private enum Mode { READY, IDLE, WAITING, STOPPED }

    private final SpoolLedger ledger;
    private final ResendChannel channel;
    private final Scheduler scheduler;
    private final Diagnostics diagnostics;
    private final SpoolWriter writer;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private Mode mode = Mode.READY;
    /** Read without the lock on every delivered request, so the healthy path costs one volatile read. */
    private volatile boolean waitingForBackend;
    /**
     * Set by the engine's first 2xx after this thread went idle, cleared when it goes idle: records written while
     * it is set go at once. Spooling counts a record before its write lands, so that 2xx can come first.
     */
    private volatile boolean acceptedSinceIdle;
    /** Guarded by {@link #lock}. */
    private long probeMs = FIRST_PROBE_MS;
    private Scheduler.Cancellable probe;

    SpoolResender(SpoolLedger ledger, ResendChannel channel, Scheduler scheduler, Diagnostics diagnostics,
            SpoolWriter writer) {
        this.ledger = ledger;
        this.channel = channel;
        this.scheduler = scheduler;
        this.diagnostics = diagnostics;
        this.writer = writer;
        this.thread = new DaemonThreadFactory("spool-resender").newThread(this::run);
    }

    void start() {
        thread.start();
    }

    /** The delivery engine had a request answered 2xx: if waiting for the backend, resend now. */
    void onBackendAccepted() {
        if (!acceptedSinceIdle) {
            acceptedSinceIdle = true;
        }
        if (waitingForBackend) {
            lock.lock();
            try {
                if (mode == Mode.WAITING) {
                    mode = Mode.READY;
                    waitingForBackend = false;
                    wake.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * New records were written: when idle, resend at once if the backend accepted a request since, else after a
     * first probe delay or the engine's next 2xx.
     */
    void onWritten() {
        lock.lock();
        try {
            if (mode == Mode.IDLE && acceptedSinceIdle) {
                mode = Mode.READY;
                wake.signalAll();
            } else if (mode == Mode.IDLE) {
                waitForBackend(probeMs);
                probeMs = Math.min(MAX_PROBE_MS, probeMs * 2);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether it has nothing to resend and waits for a write; for tests of what wakes it. */
    boolean isIdle() {
        lock.lock();
        try {
            return mode == Mode.IDLE;
        } finally {
            lock.unlock();
        }
    }

    /** Stops after the request in flight (if any) is answered; does not wait. */
    void stop() {
        lock.lock();
        try {
            mode = Mode.STOPPED;
            waitingForBackend = false;
            cancelProbe();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops and waits up to {@code timeoutMs} for the thread to end. */
    void stopAndJoin(long timeoutMs) {
        stop();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(timeoutMs);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            if (!writer.awaitReady(Long.MAX_VALUE) || writer.isFailed()) {
                return;
            }
            while (awaitReady()) {
                SpoolLedger.Taken taken = ledger.takeNext();
                if (taken == null) {
                    goIdleUnlessReady();
                    continue;
                }
                resend(taken);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resend(SpoolLedger.Taken taken) throws InterruptedException {
        byte[] body;
        try {
            body = SegmentFile.readBody(taken.segment.channel, taken.record);
        } catch (IOException e) {
            body = null;
        }
        if (body == null) {
            ledger.answered(taken, SpoolLedger.Outcome.UNREADABLE);
            diagnostics.warnOnce("spool-unreadable", "SeeStack SDK: a spooled record no longer matches its checksum;"
                    + " dropped, not sent (counted in stats().droppedSpoolFull)");
            return;
        }
        RetryDecision decision;
        try {
            decision = channel.send(taken.record.feature, body);
        } catch (IOException | RuntimeException e) {
            decision = RetryDecision.retryAfter(Outcome.NO_ANSWER, 0);
        } catch (InterruptedException e) {
            ledger.answered(taken, SpoolLedger.Outcome.RETRY_LATER);
            throw e;
        }
        RetryDecision d = decision;
        diagnostics.debug(() -> "spool: resent " + taken.record.feature.path() + " (" + taken.record.itemCount
                + " items) -> " + d);
        if (decision.outcome().isDelivered()) {
            ledger.answered(taken, SpoolLedger.Outcome.DELIVERED);
            resetProbe();
        } else if (decision.outcome().disables()) {
            ledger.answered(taken, SpoolLedger.Outcome.RETRY_LATER); // kept on disk for a corrected key
            stop();
        } else if (decision.outcome().counter() == Outcome.Counter.REJECTED) {
            ledger.answered(taken, SpoolLedger.Outcome.REJECTED);
        } else {
            ledger.answered(taken, SpoolLedger.Outcome.RETRY_LATER);
            lock.lock();
            try {
                if (mode != Mode.STOPPED) {
                    waitForBackend(Math.max(probeMs, decision.delayMs()));
                    probeMs = Math.min(MAX_PROBE_MS, probeMs * 2);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Blocks until records may be sent (READY); false once stopped. */
    private boolean awaitReady() throws InterruptedException {
        lock.lock();
        try {
            while (mode == Mode.IDLE || mode == Mode.WAITING) {
                wake.await();
            }
            return mode == Mode.READY;
        } finally {
            lock.unlock();
        }
    }

    private void goIdleUnlessReady() {
        lock.lock();
        try {
            // a write may have landed between takeNext() and here: look again before sleeping
            if (mode == Mode.READY && !ledger.hasUnanswered()) {
                acceptedSinceIdle = false;
                mode = Mode.IDLE;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private void waitForBackend(long delayMs) {
        mode = Mode.WAITING;
        waitingForBackend = true;
        cancelProbe();
        try {
            probe = scheduler.schedule(this::probeDue, delayMs);
        } catch (RuntimeException shutDown) {
            probe = null; // the client is stopping; the engine's next 2xx (if any) still wakes this thread
        }
    }

    private void probeDue() {
        lock.lock();
        try {
            if (mode == Mode.WAITING) {
                mode = Mode.READY;
                waitingForBackend = false;
                wake.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void resetProbe() {
        lock.lock();
        try {
            probeMs = FIRST_PROBE_MS;
        } finally {
            lock.unlock();
        }
    }

    private void cancelProbe() {
        if (probe != null) {
            probe.cancel();
            probe = null;
        }
    }
}
