package dev.seestack.internal.delivery;

import dev.seestack.internal.event.Encodable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request in flight or waiting for a retry: its payload, encoded body and attempt counts. It has one holder at
 * a time, handed over through {@link PipelineControl} (its lock, its in-flight set, its retry queues) and the
 * transport's answer: the sender that dispatches it writes {@code body}, {@code attempts}, {@code sentAt} and
 * {@code dispatching}; the judging of its answer writes {@code rateLimitRetries} and {@code unconfirmed}; the
 * control alone writes {@code released} (atomic) and {@code retryTimer}.
 */
final class Delivery {
    final Lane lane;
    final Encodable payload;
    final int itemCount;
    /** The estimated heap its items retain ({@link Encodable#retainedBytes}), counted in its lane's retry budget. */
    final long bytes;
    byte[] body;
    int attempts;
    int rateLimitRetries;
    /** Whether its latest attempt was sent but never answered (it may have been stored). */
    boolean unconfirmed;
    /** When its latest attempt went out, on the pipeline's clock: its answer's round trip sizes the window. */
    long sentAt;
    /** Set once a waiting retry has been moved to the ready queue, so it is moved only once. */
    final AtomicBoolean released = new AtomicBoolean();
    /** Its retry's timer while it waits for one, cancelled when the budget drops it. */
    volatile Scheduler.Cancellable retryTimer;
    /** True while its dispatch is on the stack: an answer arriving then (inline) must not dispatch the next. */
    volatile boolean dispatching;

    Delivery(Lane lane, Encodable payload, int itemCount, long bytes) {
        this.lane = lane;
        this.payload = payload;
        this.itemCount = itemCount;
        this.bytes = bytes;
    }
}
