package dev.seestack.internal.delivery;

import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.transport.TransportResponse;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The owner of the pipeline's one lock and of all the state it guards: the lifecycle, which lanes senders may take
 * from, the requests in flight and their {@link InFlightWindow}, and the retries waiting for their delay or ready to
 * go. Every method takes the lock itself when it needs it; no caller holds it, and nothing it calls expects it held.
 *
 * <p>Who changes what: {@code state} is written here only (volatile, read without the lock by the capturing
 * thread). Under {@link #lock}: {@code started}, {@link #window}, and each lane's {@code released},
 * {@code lingerUntil} and {@code inFlightItems}. Lock-free, changed here only: {@link #inFlight} (whoever removes a
 * request, its answer or the stop, accounts for it), {@link #ready}, each lane's {@code retrying} queue,
 * {@code retryItems} and {@code retryBytes} (the capturing thread's budget check reads and trims them; a retry's
 * {@code released} flag decides between the budget and its timer).
 */
final class PipelineControl {
    private enum State { RUNNING, CLOSING, STOPPED, DISABLED }

    /** How long a released, emptied buffer stays released waiting for more items. */
    static final long DRAIN_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a sender may find something to send (items released, a retry ready, a place in the window). */
    private final Condition workAvailable = lock.newCondition();
    /** Signalled on every answer and on the stop: flush and close wait on it. */
    private final Condition progress = lock.newCondition();
    private volatile State state = State.RUNNING;
    private boolean started;
    private final Lanes lanes;
    private final FateLedger ledger;
    private final Scheduler scheduler;
    /** The pipeline's clock (the scheduler's), for round trips. */
    private final LongSupplier clock;
    private final Runnable onUnauthorized;
    private final InFlightWindow window = new InFlightWindow();
    private final Set<Delivery> inFlight = ConcurrentHashMap.newKeySet();
    /** Retries whose delay has passed, taken by senders before any buffer. */
    private final Queue<Delivery> ready = new ConcurrentLinkedQueue<>();

    PipelineControl(Lanes lanes, FateLedger ledger, Scheduler scheduler, Runnable onUnauthorized) {
        this.lanes = lanes;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.clock = scheduler::nanoTime;
        this.onUnauthorized = onUnauthorized;
    }

    boolean isRunning() {
        return state == State.RUNNING;
    }

    /** Stopped by close or by a 401: no sender sends any more. */
    boolean isStopped() {
        State s = state;
        return s == State.STOPPED || s == State.DISABLED;
    }

    /** Runs {@code starter} once, and only while the pipeline still runs. */
    void startOnce(Runnable starter) {
        lock.lock();
        try {
            if (!started && isRunning()) {
                started = true;
                starter.run();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Buffers {@code item} in {@code lane} (on the capturing thread, without the lock unless a trigger is reached),
     * keeps the lane within its budget, and wakes a sender when its feature is immediate or its trigger is reached.
     */
    void offer(Lane lane, Encodable item) {
        lane.buffer.offer(item, lane.onEvicted);
        if (lane.retryItems.get() > 0) {
            keepWithinBudget(lane);
        }
        if (lane.feature.isImmediate()) {
            signalWork();
        } else if (!lane.released && lane.buffer.size() >= lane.triggerSize) {
            release(lane);
        }
    }

    /** The timer's tick: releases every lane holding items. */
    void releaseBuffered() {
        lock.lock();
        try {
            for (Lane lane : lanes.inTakeOrder()) {
                if (lane.buffer.size() > 0) {
                    lane.released = true;
                }
            }
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases everything and waits until nothing is pending ({@code pending} reads the counters), the pipeline
     * stops, or {@code deadline} (nanoTime) passes; true when nothing is pending. Once drained, the lanes it
     * released wait for their trigger or the timer again.
     */
    boolean flush(long deadline, LongSupplier pending) {
        lock.lock();
        try {
            while (true) {
                if (isStopped()) {
                    return pending.getAsLong() == 0;
                }
                if (pending.getAsLong() == 0) {
                    unreleaseDrained();
                    return true;
                }
                if (!releaseAllAndAwait(deadline)) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts closing, once: stops accepting items, gives every waiting retry its attempt now, and drains until
     * nothing is pending or {@code end} (nanoTime) passes. False when the pipeline was no longer running.
     */
    boolean closeAndDrain(long end, Runnable onClosing, LongSupplier pending) {
        lock.lock();
        try {
            if (!isRunning()) {
                return false;
            }
            state = State.CLOSING;
        } finally {
            lock.unlock();
        }
        onClosing.run();
        moveWaitingToReady();
        lock.lock();
        try {
            while (pending.getAsLong() > 0 && state == State.CLOSING) {
                if (!releaseAllAndAwait(end)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return true;
    }

    /** Stops every sender (close): the state becomes stopped unless a 401 disabled the pipeline first. */
    void stop() {
        lock.lock();
        try {
            if (state != State.DISABLED) {
                state = State.STOPPED;
            }
            workAvailable.signalAll();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops for good after a 401 and wakes every sender to end; false when already stopped. */
    boolean disable() {
        lock.lock();
        try {
            if (isStopped()) {
                return false;
            }
            state = State.DISABLED;
            workAvailable.signalAll();
            progress.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Accounts for every request still unanswered like the other leftovers of a stop (spooled after a close when
     * the spool is on, else dropped by the stop); its late answer is then ignored.
     */
    void abandonInFlight() {
        boolean disabled = state == State.DISABLED;
        for (Delivery d : inFlight.toArray(new Delivery[0])) {
            if (inFlight.remove(d)) {
                ledger.countStopDrop(d, disabled);
                lock.lock();
                try {
                    d.lane.inFlightItems -= d.itemCount;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Counts everything still buffered or queued for a retry as left by the stop; once stopped. */
    void dropRemaining() {
        lock.lock();
        try {
            boolean disabled = state == State.DISABLED;
            for (Lane lane : lanes.inTakeOrder()) {
                Encodable item;
                while ((item = lane.buffer.poll()) != null) {
                    ledger.countStopDrop(lane, item, disabled);
                }
            }
            Delivery d;
            while ((d = pollReady()) != null) {
                ledger.countStopDrop(d, disabled);
            }
            for (Lane lane : lanes.inTakeOrder()) {
                while ((d = lane.retrying.poll()) != null) {
                    if (d.released.compareAndSet(false, true)) {
                        d.lane.releaseRetry(d);
                        ledger.countStopDrop(d, disabled);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next request for a sender, moved in flight: blocks until the window has room and work is released;
     * null once stopped.
     */
    Delivery take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (isStopped()) {
                    return null;
                }
                if (inFlight.size() >= window.size()) {
                    workAvailable.await(); // a completion signals
                    continue;
                }
                Delivery d = takeIfRoom();
                if (d != null) {
                    workAvailable.signal(); // pass the baton: more work may remain for another sender
                    return d;
                }
                long linger = lingerRemainingNanos();
                if (linger > 0) {
                    workAvailable.awaitNanos(linger);
                } else {
                    workAvailable.await();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Accounts for the answer of {@code d} ({@code response}: the answer that came, null for a failure), retries it or counts
     * its fate, and sizes the window. When it was an HTTP answer that came after its dispatch returned
     * ({@code later}: on the HTTP client's thread, so this cannot recurse) and the window has room, returns the
     * next request for the caller to dispatch at once: a steady stream then flows answer to request on the HTTP
     * client's thread, without waking a sender thread per request (two context switches each on a small machine).
     */
    Delivery complete(Delivery d, RetryDecision decision, TransportResponse response, boolean later) {
        boolean httpAnswer = response != null;
        if (!inFlight.remove(d)) {
            return null; // answered after the stop had counted it: ignored
        }
        State s = state;
        boolean retry = ledger.countAnswer(d, decision, s == State.CLOSING, isStopped(), s == State.DISABLED);
        boolean disables = decision.outcome().disables();
        lock.lock();
        try {
            d.lane.inFlightItems -= d.itemCount;
            if (retry) {
                scheduleRetry(d, decision.delayMs());
            }
            boolean failed = retry && decision.delayMs() > 0 || decision.exhausted();
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
            Delivery next = httpAnswer && later && !disables ? takeIfRoom() : null;
            if (next == null || inFlight.size() < window.size()) {
                workAvailable.signal(); // room (and maybe work) left for a sender
            }
            progress.signalAll();
            if (next != null) {
                return next;
            }
        } finally {
            lock.unlock();
        }
        if (disables) {
            onUnauthorized.run();
        }
        return null;
    }

    /** Gives every waiting retry its attempt now (close's one last attempt). */
    private void moveWaitingToReady() {
        for (Lane lane : lanes.inTakeOrder()) {
            for (Delivery d : lane.retrying.toArray(new Delivery[0])) {
                moveToReady(d);
            }
        }
    }

    /** Requests the in-flight window allows now; for tests of the window. */
    int windowSize() {
        lock.lock();
        try {
            return window.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether senders may take from {@code feature}'s buffer now; for tests of when senders are woken. */
    boolean isReleased(Feature feature) {
        lock.lock();
        try {
            return lanes.get(feature).released;
        } finally {
            lock.unlock();
        }
    }

    /** Items of {@code lane} buffered and in flight, plus ({@code withRetries}) those waiting for a retry. */
    long heldItems(Lane lane, boolean withRetries) {
        lock.lock();
        try {
            return lane.buffer.size() + lane.inFlightItems + (withRetries ? lane.retryItems.get() : 0);
        } finally {
            lock.unlock();
        }
    }

    private void signalWork() {
        lock.lock();
        try {
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    private void release(Lane lane) {
        lock.lock();
        try {
            lane.released = true;
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps the items of {@code lane} buffered or waiting for a retry within its buffer's capacity and bytes: while
     * they exceed either, the oldest waiting retry (older than anything buffered) is spooled or dropped and counted in
     * {@code droppedBufferFull}. Lock-free, so the capturing thread may run it: the retry's {@code released} flag
     * decides between this and its timer.
     */
    private void keepWithinBudget(Lane lane) {
        while (lane.overBudget()) {
            Delivery oldest = lane.retrying.poll();
            if (oldest == null) {
                return; // what remains is ready to be sent, or buffered
            }
            if (!oldest.released.compareAndSet(false, true)) {
                continue; // its timer moved it to the ready queue meanwhile
            }
            Scheduler.Cancellable timer = oldest.retryTimer;
            if (timer != null) {
                timer.cancel();
            }
            lane.releaseRetry(oldest);
            ledger.countBudgetDrop(oldest);
        }
    }

    /** Releases every lane and waits a little for progress; false once {@code end} has passed. */
    private boolean releaseAllAndAwait(long end) throws InterruptedException {
        for (Lane lane : lanes.inTakeOrder()) {
            lane.released = true;
        }
        workAvailable.signalAll();
        long remaining = end - System.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        progress.await(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
        return true;
    }

    /**
     * Once a flush has delivered everything, the buffers it released wait for their trigger or the timer
     * again instead of lingering released: otherwise items captured within the linger after a flush keep every
     * sender busy (the lane stays released while items keep coming), competing with the capturing threads for
     * the CPU.
     */
    private void unreleaseDrained() {
        for (Lane lane : lanes.inTakeOrder()) {
            if (!lane.feature.isImmediate() && lane.buffer.size() == 0) {
                lane.released = false;
                lane.lingerUntil = 0;
            }
        }
    }

    /** The next request when the pipeline runs and the window has room, moved in flight; or null. */
    private Delivery takeIfRoom() {
        if (isStopped() || inFlight.size() >= window.size()) {
            return null;
        }
        Delivery d = pollReady();
        if (d == null) {
            d = takeReleased();
        }
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

    /** The next request from a released lane, or null; an emptied lane lingers released a moment, then waits. */
    private Delivery takeReleased() {
        for (Lane lane : lanes.inTakeOrder()) {
            if (!lane.released) {
                continue;
            }
            Delivery d = lanes.nextRequest(lane);
            if (d != null) {
                lane.lingerUntil = 0;
                return d;
            }
            if (!lane.feature.isImmediate()) {
                long now = System.nanoTime();
                if (lane.lingerUntil == 0) {
                    lane.lingerUntil = now + DRAIN_LINGER_NANOS;
                } else if (now - lane.lingerUntil >= 0) {
                    lane.released = false;
                    lane.lingerUntil = 0;
                }
            }
        }
        return null;
    }

    /** Time until the earliest lingering lane gives up, or 0 when none lingers. */
    private long lingerRemainingNanos() {
        long now = System.nanoTime();
        long remaining = 0;
        for (Lane lane : lanes.inTakeOrder()) {
            if (lane.released && lane.lingerUntil != 0) {
                long r = Math.max(1, lane.lingerUntil - now);
                remaining = remaining == 0 ? r : Math.min(remaining, r);
            }
        }
        return remaining;
    }

    /** Items waiting for a place in the window. */
    private long waitingItems() {
        // a lane still filling towards its trigger counts too: its items are about to be released
        long n = ready.size();
        for (Lane lane : lanes.inTakeOrder()) {
            n += lane.buffer.size();
        }
        return n;
    }

    /** The next retry whose delay has passed, or null; it leaves the budget as it goes in flight. */
    private Delivery pollReady() {
        Delivery d = ready.poll();
        if (d != null) {
            d.lane.releaseRetry(d);
        }
        return d;
    }

    /**
     * Queues {@code d} to be sent again after {@code delayMs}: it waits on the {@link Scheduler}, not on a sender,
     * in its lane's {@code retrying} queue and counted in its budget, then moves to {@link #ready}.
     */
    private void scheduleRetry(Delivery d, long delayMs) {
        if (isStopped()) {
            // stopped while this request was in flight: no sender will retry it
            ledger.countStopDrop(d, state == State.DISABLED);
            return;
        }
        d.lane.holdRetry(d);
        if (!isRunning()) {
            ready.add(d);
            workAvailable.signal();
            return;
        }
        d.released.set(false);
        d.lane.retrying.add(d);
        keepWithinBudget(d.lane);
        if (d.released.get()) {
            return; // the budget dropped it at once (the oldest): no timer holds it
        }
        try {
            Scheduler.Cancellable timer = scheduler.schedule(() -> moveToReady(d), delayMs);
            d.retryTimer = timer;
            if (d.released.get()) {
                timer.cancel(); // dropped by a capture meanwhile (or already moved): release what the timer holds
            }
        } catch (RuntimeException rejected) {
            moveToReady(d);
        }
    }

    private void moveToReady(Delivery d) {
        if (!d.released.compareAndSet(false, true)) {
            return;
        }
        d.retryTimer = null;
        lock.lock();
        try {
            d.lane.retrying.remove(d);
            if (isStopped()) {
                d.lane.releaseRetry(d);
                ledger.countStopDrop(d, state == State.DISABLED);
                return;
            }
            ready.add(d);
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
    }
}
