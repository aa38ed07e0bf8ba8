package dev.seestack.internal.delivery;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pipeline's one lock, its two conditions and its lifecycle state, shared by every stage so they all
 * coordinate on the same monitor. Only {@link DeliveryPipeline} changes the state; the stages read it.
 */
final class PipelineControl {
    enum State { RUNNING, CLOSING, STOPPED, DISABLED }

    final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a sender may find something to send (items released, a retry ready, a place in the window). */
    final Condition workAvailable = lock.newCondition();
    /** Signalled on every answer and on the stop: flush and close wait on it. */
    final Condition progress = lock.newCondition();
    private volatile State state = State.RUNNING;

    void setState(State state) {
        this.state = state;
    }

    boolean isRunning() {
        return state == State.RUNNING;
    }

    boolean isClosing() {
        return state == State.CLOSING;
    }

    boolean isDisabled() {
        return state == State.DISABLED;
    }

    /** Stopped by close or by a 401: no sender sends any more. */
    boolean isStopped() {
        State s = state;
        return s == State.STOPPED || s == State.DISABLED;
    }

    void signalWork() {
        lock.lock();
        try {
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    void signalAllWork() {
        lock.lock();
        try {
            workAvailable.signalAll();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
