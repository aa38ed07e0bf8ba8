package dev.seestack.internal.delivery;

import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Buffers captured items per feature and delivers them from a small pool of sender threads.
 * The application's thread only offers to a ring buffer (and, on a trigger, signals a condition);
 * encoding, masking, I/O and retries all happen on {@code seestack-sender-*} threads. Retries wait on
 * the {@link Scheduler}, not on a sender, so one failing request never stalls newer ones.
 */
public final class DeliveryPipeline {
    /** Requests one pipeline keeps in flight at most (its window's upper bound). */
    public static final int MAX_IN_FLIGHT = InFlightWindow.MAX;
    /** Request bodies larger than this are re-encoded without metadata. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** How long a released, emptied buffer stays released waiting for more items. */
    static final long DRAIN_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private enum State { RUNNING, CLOSING, STOPPED, DISABLED }

    private final Map<Feature, Lane> lanes = new EnumMap<>(Feature.class);
    private final Lane[] takeOrder;
    private final Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers;
    private final Transport transport;
    private final RetryPolicy retryPolicy;
    private final Scheduler scheduler;
    private final Diagnostics diagnostics;
    private final SensitiveDataMasker masker;
    private final Runnable onUnauthorized;
    private final List<Thread> workers = new ArrayList<>();
    private final Queue<Delivery> retryReady = new ConcurrentLinkedQueue<>();
    private final Queue<Delivery> retryWaiting = new ConcurrentLinkedQueue<>();
    /** Requests on the network; whoever removes one (its completion, or the stop) accounts for it. */
    private final Set<Delivery> inFlight = ConcurrentHashMap.newKeySet();
    /** How many of them at most; guarded by the lock. */
    private final InFlightWindow window = new InFlightWindow();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private volatile State state = State.RUNNING;
    /** Issue 15: where undeliverable requests go instead of being dropped; {@link SpoolSink#NONE} by default. */
    private volatile SpoolSink spool = SpoolSink.NONE;
    private final Scheduler.Cancellable timer;

    /**
     * @param batchAssemblers for batched features, turns up to {@code maxBatchItems} items into one request
     *     payload; a batched feature without an assembler drops its items as rejected
     * @param onUnauthorized called once on a 401, on a sender thread
     */
    public DeliveryPipeline(int bufferSize, long flushIntervalMs, int senderThreads, Transport transport,
            RetryPolicy retryPolicy, Scheduler scheduler, Diagnostics diagnostics, SensitiveDataMasker masker,
            Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers, Runnable onUnauthorized) {
        this.transport = transport;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.diagnostics = diagnostics;
        this.masker = masker;
        this.batchAssemblers = new EnumMap<>(Feature.class);
        this.batchAssemblers.putAll(batchAssemblers);
        this.onUnauthorized = onUnauthorized;
        for (Feature f : Feature.values()) {
            Lane lane = new Lane(f, bufferSize);
            lane.onEvicted = evicted -> onEvicted(lane, evicted); // one sink per lane: nothing allocated per item
            lanes.put(f, lane);
        }
        // errors and heartbeats first: they are rare and sent immediately; logs last
        takeOrder = new Lane[] {lanes.get(Feature.ERRORS), lanes.get(Feature.HEARTBEATS),
            lanes.get(Feature.HTTP_REQUESTS), lanes.get(Feature.LOGS)};
        DaemonThreadFactory threads = new DaemonThreadFactory("sender");
        for (int i = 0; i < senderThreads; i++) {
            Thread t = threads.newThread(this::runSender);
            workers.add(t);
            t.start();
        }
        timer = scheduler.scheduleAtFixedRate(this::releaseBufferedLanes, flushIntervalMs);
    }

    /**
     * Buffers {@code item} for delivery without blocking; returns false when the pipeline no longer accepts
     * items. When the buffer is full the oldest item is dropped and counted.
     */
    public boolean enqueue(Encodable item) {
        Lane lane = lanes.get(item.feature());
        if (state != State.RUNNING) {
            lane.counters.captured.increment();
            lane.counters.droppedDisabled.increment();
            return false;
        }
        lane.counters.captured.increment();
        lane.buffer.offer(item, lane.onEvicted);
        if (lane.feature.isImmediate()) {
            signalWork();
        } else if (!lane.released && lane.buffer.size() >= lane.triggerSize) {
            release(lane);
        }
        return true;
    }

    /** Counts (or spools) an item the full buffer of {@code lane} evicted to make room; on the capturing thread. */
    private void onEvicted(Lane lane, Encodable evicted) {
        if (spoolEvicted(lane, evicted)) {
            lane.counters.spooled.increment();
            return;
        }
        lane.counters.droppedBufferFull.increment();
        if (diagnostics.isDebug()) {
            diagnostics.alertOnce("WARN", "buffer-full-" + lane.feature, "SeeStack SDK: "
                    + lane.feature.displayName() + " buffer full (capacity " + lane.buffer.capacity()
                    + "); dropping the oldest items (counted in stats().droppedBufferFull)");
        }
    }

    /** Hands requests that would be dropped (retries spent, buffer full, stopping) to {@code sink} instead. */
    public void spoolTo(SpoolSink sink) {
        this.spool = sink;
    }

    /** The counters of one feature. */
    public FeatureCounters counters(Feature feature) {
        return lanes.get(feature).counters;
    }

    /** Items of {@code feature} buffered, in flight or waiting for a retry. */
    public long pending(Feature feature) {
        Lane lane = lanes.get(feature);
        FeatureCounters c = lane.counters;
        return c.captured() - c.sent() - c.droppedBufferFull() - c.droppedAfterRetries() - c.rejected()
                - c.droppedDisabled() - c.spooled();
    }

    /**
     * Items of {@code feature} counted where they are (buffered, in flight, waiting for a retry) instead of
     * derived from the counters like {@link #pending}: the two agree, between updates, only while every
     * item's fate is counted. For tests of the accounting.
     */
    public long heldItems(Feature feature) {
        lock.lock();
        try {
            Lane lane = lanes.get(feature);
            long held = lane.buffer.size() + lane.inFlightItems;
            for (Delivery d : retryReady) {
                held += d.lane == lane ? d.itemCount : 0;
            }
            for (Delivery d : retryWaiting) {
                held += d.lane == lane ? d.itemCount : 0;
            }
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** Sends everything buffered now; waits until it is delivered or dropped, or {@code timeout} passes. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (state == State.STOPPED || state == State.DISABLED) {
                    return totalPending() == 0;
                }
                if (totalPending() == 0) {
                    unreleaseDrainedLanes();
                    return true;
                }
                for (Lane lane : takeOrder) {
                    lane.released = true;
                }
                workAvailable.signalAll();
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                progress.await(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops accepting items, gives waiting retries one immediate last attempt, drains within {@code deadline},
     * then stops every SDK thread. Idempotent.
     */
    public void close(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        if (state == State.RUNNING) {
            state = State.CLOSING;
            timer.cancel();
            moveWaitingRetriesToReady();
            flushUntilClosed(end);
        }
        stopThreads(end);
    }

    /** Stops sending for good (after a 401): drops everything buffered and stops every SDK thread. */
    public void disable() {
        if (state == State.STOPPED || state == State.DISABLED) {
            return;
        }
        state = State.DISABLED;
        timer.cancel();
        dropRemaining();
        abandonInFlight(); // requests in flight alongside the 401 are cut short by the disable
        signalAllWork();
        scheduler.shutdown();
        transport.close();
    }

    /**
     * Issue 16: once a flush has delivered everything, the buffers it released wait for their trigger or the timer
     * again instead of lingering released: otherwise items captured within the linger after a flush keep every
     * sender busy (the lane stays released while items keep coming), competing with the capturing threads for
     * the CPU. Called with the lock held.
     */
    private void unreleaseDrainedLanes() {
        for (Lane lane : takeOrder) {
            if (!lane.feature.isImmediate() && lane.buffer.size() == 0) {
                lane.released = false;
                lane.lingerUntil = 0;
            }
        }
    }

    /** Whether senders may take from the buffer of {@code feature} now; for tests of when senders are woken. */
    boolean isReleased(Feature feature) {
        lock.lock();
        try {
            return lanes.get(feature).released;
        } finally {
            lock.unlock();
        }
    }

    private void flushUntilClosed(long end) {
        lock.lock();
        try {
            while (totalPending() > 0 && state == State.CLOSING) {
                for (Lane lane : takeOrder) {
                    lane.released = true;
                }
                workAvailable.signalAll();
                long remaining = end - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                progress.await(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void stopThreads(long end) {
        if (state != State.DISABLED) {
            state = State.STOPPED;
        }
        signalAllWork();
        scheduler.shutdown();
        // the drain above waited for answers up to the deadline: what is still unanswered is counted now as dropped
        // by the stop, and its late completion ignored; closing the transport then fails it at once
        abandonInFlight();
        transport.close();
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
        // what the deadline left buffered or waiting for a retry is discarded: count it, so nothing stays pending
        dropRemaining();
    }

    private void abandonInFlight() {
        for (Delivery d : inFlight.toArray(new Delivery[0])) {
            if (inFlight.remove(d)) {
                d.lane.counters.droppedDisabled.add(d.itemCount);
                lock.lock();
                try {
                    d.lane.inFlightItems -= d.itemCount;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Counts everything still buffered or queued for a retry as dropped by the stop; called once stopped. */
    private void dropRemaining() {
        lock.lock();
        try {
            for (Lane lane : takeOrder) {
                Encodable item;
                while ((item = lane.buffer.poll()) != null) {
                    if (state == State.DISABLED || !spoolEvicted(lane, item)) {
                        lane.counters.droppedDisabled.increment();
                    } else {
                        lane.counters.spooled.increment();
                    }
                }
            }
            dropQueued(retryReady);
            dropQueued(retryWaiting);
        } finally {
            lock.unlock();
        }
    }

    private void dropQueued(Queue<Delivery> queue) {
        Delivery d;
        while ((d = queue.poll()) != null) {
            if (d.released.compareAndSet(false, true) || queue == retryReady) {
                countStopDrop(d);
            }
        }
    }

    private long totalPending() {
        long total = 0;
        for (Feature f : Feature.values()) {
            total += pending(f);
        }
        return total;
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

    private void releaseBufferedLanes() {
        lock.lock();
        try {
            for (Lane lane : takeOrder) {
                if (lane.buffer.size() > 0) {
                    lane.released = true;
                }
            }
            workAvailable.signalAll();
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

    private void signalAllWork() {
        lock.lock();
        try {
            workAvailable.signalAll();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void runSender() {
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
        lock.lock();
        try {
            while (true) {
                if (state == State.STOPPED || state == State.DISABLED) {
                    return null;
                }
                if (inFlight.size() >= window.size()) {
                    workAvailable.await(); // a completion signals
                    continue;
                }
                Delivery d = next();
                if (d != null) {
                    inFlight.add(d);
                    d.lane.inFlightItems += d.itemCount;
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

    /** The next request to send, or null; called with the lock held. */
    private Delivery next() {
        Delivery retry = retryReady.poll();
        if (retry != null) {
            return retry;
        }
        for (Lane lane : takeOrder) {
            if (!lane.released) {
                continue;
            }
            Delivery d = lane.feature.isBatched() ? nextBatch(lane) : nextSingle(lane);
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

    /** Time until the earliest lingering lane gives up, or 0 when none lingers; called with the lock held. */
    private long lingerRemainingNanos() {
        long now = System.nanoTime();
        long remaining = 0;
        for (Lane lane : takeOrder) {
            if (lane.released && lane.lingerUntil != 0) {
                long r = Math.max(1, lane.lingerUntil - now);
                remaining = remaining == 0 ? r : Math.min(remaining, r);
            }
        }
        return remaining;
    }

    private Delivery nextSingle(Lane lane) {
        Encodable item = lane.buffer.poll();
        return item == null ? null : new Delivery(lane, item, 1);
    }

    private Delivery nextBatch(Lane lane) {
        List<Encodable> items = new ArrayList<>(Math.min(lane.buffer.size(), lane.feature.maxBatchItems()));
        if (lane.buffer.drainTo(items, lane.feature.maxBatchItems()) == 0) {
            return null;
        }
        Function<List<Encodable>, Encodable> assembler = batchAssemblers.get(lane.feature);
        if (assembler == null) {
            lane.counters.rejected.add(items.size());
            diagnostics.warnOnce("no-assembler-" + lane.feature,
                    "SeeStack SDK: " + lane.feature.displayName() + " cannot be sent (not configured); items dropped");
            return null;
        }
        return new Delivery(lane, assembler.apply(items), items.size());
    }

    /** Encodes and sends {@code d} without waiting for its answer; {@link #complete} runs when it comes. */
    private void dispatch(Delivery d) {
        CompletableFuture<TransportResponse> answer;
        try {
            if (d.body == null) {
                d.body = encode(d.payload);
            }
            d.attempts++;
            if (diagnostics.isDebug()) {
                diagnostics.debug(() -> "POST " + d.lane.feature.path() + " attempt " + d.attempts + " "
                        + new String(d.body, StandardCharsets.UTF_8));
            }
            answer = transport.postAsync(d.lane.feature.path(), d.body);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // encoding or transport bug: never loop on it, and never let it end this sender thread
            diagnostics.debug(() -> "  -> dropped, could not send: " + e);
            complete(d, RetryDecision.REJECTED);
            return;
        }
        answer.whenComplete((response, failure) -> complete(d, decide(d, response, failure)));
    }

    /** The outcome of one answer (or failure) of {@code d}; runs on the transport's thread, never throws. */
    private RetryDecision decide(Delivery d, TransportResponse response, Throwable failure) {
        try {
            if (failure != null) {
                Throwable cause = failure;
                while (cause instanceof CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof InterruptedException) {
                    return RetryDecision.EXHAUSTED;
                }
                if (!(cause instanceof IOException)) {
                    Throwable bug = cause;
                    diagnostics.debug(() -> "  -> dropped, could not send: " + bug);
                    return RetryDecision.REJECTED;
                }
                if (cause instanceof TlsFailure) {
                    diagnostics.alertOnce("WARN", "tls", cause.getMessage()); // once per client, also on stderr: its configuration
                }
                Throwable io = cause;
                diagnostics.debug(() -> "  -> network failure " + io);
                return retryPolicy.onNetworkFailure(d.attempts - d.rateLimitRetries);
            }
            if (response.status() >= 300 && response.status() < 400) {
                diagnostics.warnOnce("redirect", StatusTable.REDIRECT.warning(response.status(), response.location()));
            }
            RetryDecision decision = retryPolicy.onStatus(d.lane.feature, response.status(), response.retryAfter(),
                    d.attempts, d.rateLimitRetries);
            if (response.status() == 429 && decision.kind() == RetryDecision.Kind.RETRY) {
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

    private byte[] encode(Encodable payload) {
        // an error with its trace is several KB: start large enough not to regrow the buffer repeatedly
        JsonWriter out = new JsonWriter(payload.feature() == Feature.ERRORS ? 8192 : 512);
        payload.writeJson(out, masker);
        byte[] body = out.toBytes();
        if (body.length > MAX_BODY_BYTES) {
            JsonWriter small = new JsonWriter(4096);
            payload.writeJsonWithoutMetadata(small, masker);
            body = small.toBytes();
        }
        return body;
    }

    private void complete(Delivery d, RetryDecision decision) {
        if (!inFlight.remove(d)) {
            return; // answered after the stop had counted it: ignored
        }
        FeatureCounters c = d.lane.counters;
        boolean retry = false;
        switch (decision.kind()) {
            case DELIVERED:
                c.sent.add(d.itemCount);
                spool.onDelivered();
                break;
            case RETRY:
                if (state == State.CLOSING) {
                    // close() gave this request its one last attempt: no further retries back to back
                    if (spoolDelivery(d)) {
                        c.spooled.add(d.itemCount);
                    } else {
                        dropAfterRetries(d);
                    }
                    break;
                }
                retry = true;
                break;
            case EXHAUSTED:
                if (state == State.STOPPED || state == State.DISABLED) {
                    // the stop interrupted this request or closed its transport: dropped by the stop, not the retries
                    countStopDrop(d);
                    break;
                }
                if (spoolDelivery(d)) {
                    c.spooled.add(d.itemCount);
                    break;
                }
                dropAfterRetries(d);
                break;
            case DISABLE:
                c.rejected.add(d.itemCount);
                break;
            case FORBIDDEN:
                c.rejected.add(d.itemCount);
                diagnostics.warnOnce("403", StatusTable.FORBIDDEN.warning());
                break;
            case NOT_FOUND:
                c.rejected.add(d.itemCount);
                diagnostics.warnOnce("404-" + d.lane.feature + "-" + describe(d),
                        StatusTable.NOT_FOUND.warning(d.lane.feature.path() + describe(d)));
                break;
            default:
                c.rejected.add(d.itemCount);
                diagnostics.debug(() -> StatusTable.MALFORMED.warning());
        }
        lock.lock();
        try {
            d.lane.inFlightItems -= d.itemCount;
            if (retry) {
                scheduleRetry(d, decision.delayMs());
            }
            boolean failed = retry && decision.delayMs() > 0 || decision.kind() == RetryDecision.Kind.EXHAUSTED;
            window.onAnswer(failed, hasBacklog());
            workAvailable.signal();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
        if (decision.kind() == RetryDecision.Kind.DISABLE) {
            onUnauthorized.run();
        }
    }

    private void dropAfterRetries(Delivery d) {
        d.lane.counters.droppedAfterRetries.add(d.itemCount);
        long n = d.lane.retryDrops.record();
        if (n > 0) {
            diagnostics.warn(StatusTable.SERVER_ERROR.warning(d.lane.feature.displayName(), n));
        }
    }

    private static String describe(Delivery d) {
        return d.payload instanceof Describable ? " (" + ((Describable) d.payload).describe() + ")" : "";
    }

    /** Whether requests wait for a place in the window; called with the lock held. */
    private boolean hasBacklog() {
        if (!retryReady.isEmpty()) {
            return true;
        }
        for (Lane lane : takeOrder) {
            // a lane still filling towards its trigger counts too: its items are about to be released
            if (lane.buffer.size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Called with the lock held. */
    private void scheduleRetry(Delivery d, long delayMs) {
        if (state == State.STOPPED || state == State.DISABLED) {
            // stopped while this request was in flight: no sender will retry it
            countStopDrop(d);
            return;
        }
        if (state != State.RUNNING) {
            retryReady.add(d);
            workAvailable.signal();
            return;
        }
        d.released.set(false);
        retryWaiting.add(d);
        try {
            scheduler.schedule(() -> moveToReady(d), delayMs);
        } catch (RuntimeException rejected) {
            moveToReady(d);
        }
    }

    private void moveToReady(Delivery d) {
        if (!d.released.compareAndSet(false, true)) {
            return;
        }
        lock.lock();
        try {
            retryWaiting.remove(d);
            if (state == State.STOPPED || state == State.DISABLED) {
                countStopDrop(d);
                return;
            }
            retryReady.add(d);
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    private void moveWaitingRetriesToReady() {
        for (Delivery d : retryWaiting.toArray(new Delivery[0])) {
            moveToReady(d);
        }
    }

    /** Issue 15: spools an item evicted from a full buffer (or left at stop); encoded on the spool's thread. */
    private boolean spoolEvicted(Lane lane, Encodable item) {
        Function<List<Encodable>, Encodable> assembler = batchAssemblers.get(lane.feature);
        if (lane.feature.isBatched() && assembler == null) {
            return false;
        }
        return spool.offer(lane.feature, 1,
                () -> encode(lane.feature.isBatched() ? assembler.apply(List.of(item)) : item));
    }

    /** Issue 15: spools a request whose retries are spent or that a stop left unsent. */
    private boolean spoolDelivery(Delivery d) {
        byte[] body = d.body;
        return spool.offer(d.lane.feature, d.itemCount, () -> body != null ? body : encode(d.payload));
    }

    /** Counts a request the stop left unsent: spooled when stopped by close (never after a 401), else dropped. */
    private void countStopDrop(Delivery d) {
        if (state != State.DISABLED && spoolDelivery(d)) {
            d.lane.counters.spooled.add(d.itemCount);
        } else {
            d.lane.counters.droppedDisabled.add(d.itemCount);
        }
    }

    /** Implemented by payloads that can name themselves in a warning (e.g. a heartbeat's slug). */
    public interface Describable {
        String describe();
    }
}
