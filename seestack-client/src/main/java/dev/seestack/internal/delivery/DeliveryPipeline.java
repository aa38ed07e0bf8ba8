package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.delivery.PipelineControl.State;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.diag.DropWarnings;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Buffers captured items per feature and delivers them from a small pool of sender threads.
 * The application's thread only offers to a ring buffer (and, on a trigger, signals a condition);
 * encoding, masking, I/O and retries all happen on {@code seestack-sender-*} threads. Retries wait on
 * the {@link Scheduler}, not on a sender, so one failing request never stalls newer ones.
 *
 * <p>This class is the lifecycle (running, closing, stopped, disabled) over its stages: {@code Lanes} (buffers and
 * release triggers), {@code SenderLoop} (threads and the in-flight window), {@code PayloadEncoder},
 * {@code RetryQueue}, {@code StopAccounting} and {@code SpoolHooks}, all sharing one {@code PipelineControl} lock.
 */
public final class DeliveryPipeline {
    /** Requests one pipeline keeps in flight at most (its window's upper bound). */
    public static final int MAX_IN_FLIGHT = InFlightWindow.MAX;
    /** Request bodies larger than this are re-encoded without metadata. */
    public static final int MAX_BODY_BYTES = PayloadEncoder.MAX_BODY_BYTES;

    private final PipelineControl control = new PipelineControl();
    private final Lanes lanes;
    private final SpoolHooks spool;
    private final RetryQueue retries;
    private final StopAccounting stop;
    private final SenderLoop senders;
    private final Transport transport;
    private final Scheduler scheduler;
    private final int senderThreads;
    private final long flushIntervalMs;
    private boolean started;
    private volatile Scheduler.Cancellable timer = () -> { };

    /**
     * Builds the pipeline without starting it: {@link #start} starts its threads and timer.
     *
     * @param batchAssemblers for batched features, turns up to {@code maxBatchItems} items into one request
     *     payload; a batched feature without an assembler drops its items as rejected
     * @param onUnauthorized called once on a 401, on a sender thread
     */
    public DeliveryPipeline(int bufferSize, long flushIntervalMs, int senderThreads, Transport transport,
            RetryPolicy retryPolicy, Scheduler scheduler, Diagnostics diagnostics, SensitiveDataMasker masker,
            Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers, Runnable onUnauthorized) {
        this.transport = transport;
        this.scheduler = scheduler;
        this.senderThreads = senderThreads;
        this.flushIntervalMs = flushIntervalMs;
        Map<Feature, Function<List<Encodable>, Encodable>> assemblers = new EnumMap<>(Feature.class);
        assemblers.putAll(batchAssemblers);
        PayloadEncoder encoder = new PayloadEncoder(masker);
        Set<Delivery> inFlight = ConcurrentHashMap.newKeySet();
        spool = new SpoolHooks(encoder, assemblers);
        String[] features = new String[Feature.values().length];
        for (Feature f : Feature.values()) {
            features[f.ordinal()] = f.displayName();
        }
        DropWarnings drops = new DropWarnings(diagnostics, scheduler::nanoTime, features);
        lanes = new Lanes(bufferSize, control, assemblers, diagnostics, spool, drops);
        stop = new StopAccounting(control, lanes, spool, inFlight, drops);
        retries = new RetryQueue(control, scheduler, stop, lanes);
        senders = new SenderLoop(control, lanes, retries, inFlight, transport, encoder,
                new AnswerJudge(retryPolicy, diagnostics),
                new OutcomeAccounting(control, spool, stop, diagnostics, drops),
                diagnostics, onUnauthorized, scheduler::nanoTime);
    }

    /** Starts the sender threads and the flush timer; once, and only while the pipeline still runs. */
    public void start() {
        control.lock.lock();
        try {
            if (started || !control.isRunning()) {
                return;
            }
            started = true;
            senders.start(senderThreads);
            timer = scheduler.scheduleAtFixedRate(lanes::releaseBuffered, flushIntervalMs);
        } finally {
            control.lock.unlock();
        }
    }

    /**
     * Buffers {@code item} for delivery without blocking; returns false when the pipeline no longer accepts
     * items. When the buffer is full the oldest item is dropped and counted.
     */
    public boolean enqueue(Encodable item) {
        Lane lane = lanes.get(item.feature());
        if (!control.isRunning()) {
            lane.counters.captured.increment();
            lane.counters.droppedDisabled.increment();
            return false;
        }
        lane.counters.captured.increment();
        lanes.offer(lane, item);
        return true;
    }

    /** Hands requests that would be dropped (retries spent, buffer full, stopping) to {@code sink} instead. */
    public void spoolTo(SpoolSink sink) {
        spool.spoolTo(sink);
    }

    /** Requests the transport resent after a connection closed before answering (see {@link Transport#resends}). */
    public long resends() {
        return transport.resends();
    }

    /** The counters of one feature. */
    public FeatureCounters counters(Feature feature) {
        return lanes.get(feature).counters;
    }

    /** Items of {@code feature} buffered, in flight or waiting for a retry. */
    public long pending(Feature feature) {
        FeatureCounters c = lanes.get(feature).counters;
        return c.captured() - c.sent() - c.unconfirmed() - c.droppedBufferFull() - c.droppedAfterRetries()
                - c.rejected() - c.droppedDisabled() - c.spooled() - c.droppedByHook() - c.droppedRateLimited()
                - c.droppedIgnored();
    }

    /**
     * Items of {@code feature} counted where they are (buffered, in flight, waiting for a retry) instead of
     * derived from the counters like {@link #pending}: the two agree, between updates, only while every
     * item's fate is counted. For tests of the accounting.
     */
    public long heldItems(Feature feature) {
        control.lock.lock();
        try {
            Lane lane = lanes.get(feature);
            return lane.buffer.size() + lane.inFlightItems + retries.heldItems(lane);
        } finally {
            control.lock.unlock();
        }
    }

    /** Items of {@code feature} buffered or in flight (held, less what waits for a retry); for tests. */
    long bufferedItems(Feature feature) {
        control.lock.lock();
        try {
            Lane lane = lanes.get(feature);
            return lane.buffer.size() + lane.inFlightItems;
        } finally {
            control.lock.unlock();
        }
    }

    /** Sends everything buffered now; waits until it is delivered or dropped, or {@code timeout} passes. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        control.lock.lock();
        try {
            while (true) {
                if (control.isStopped()) {
                    return totalPending() == 0;
                }
                if (totalPending() == 0) {
                    lanes.unreleaseDrained();
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
            control.lock.unlock();
        }
    }

    /**
     * Stops accepting items, gives waiting retries one immediate last attempt, drains within {@code deadline},
     * then stops every SDK thread. Idempotent.
     */
    public void close(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        if (control.isRunning()) {
            control.setState(State.CLOSING);
            timer.cancel();
            retries.moveWaitingToReady();
            flushUntilClosed(end);
        }
        stopThreads(end);
    }

    /** Stops sending for good (after a 401): drops everything buffered and stops every SDK thread. */
    public void disable() {
        if (control.isStopped()) {
            return;
        }
        control.setState(State.DISABLED);
        timer.cancel();
        stop.dropRemaining(retries);
        stop.abandonInFlight(); // requests in flight alongside the 401 are cut short by the disable
        control.signalAllWork();
        scheduler.shutdown();
        transport.close();
    }

    /** Requests the in-flight window allows now; for tests of the window. */
    int windowSize() {
        return senders.windowSize();
    }

    /** Whether senders may take from the buffer of {@code feature} now; for tests of when senders are woken. */
    boolean isReleased(Feature feature) {
        return lanes.isReleased(feature);
    }

    private void flushUntilClosed(long end) {
        control.lock.lock();
        try {
            while (totalPending() > 0 && control.isClosing()) {
                if (!releaseAllAndAwait(end)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            control.lock.unlock();
        }
    }

    /** Releases every lane and waits a little for progress; false once {@code end} has passed. Lock held. */
    private boolean releaseAllAndAwait(long end) throws InterruptedException {
        lanes.releaseAll();
        control.workAvailable.signalAll();
        long remaining = end - System.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        control.progress.await(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
        return true;
    }

    private void stopThreads(long end) {
        if (!control.isDisabled()) {
            control.setState(State.STOPPED);
        }
        control.signalAllWork();
        scheduler.shutdown();
        // the drain above waited for answers up to the deadline: what is still unanswered is counted now as dropped
        // by the stop, and its late completion ignored; closing the transport then fails it at once
        stop.abandonInFlight();
        transport.close();
        senders.join(end);
        // what the deadline left buffered or waiting for a retry is discarded: count it, so nothing stays pending
        stop.dropRemaining(retries);
    }

    private long totalPending() {
        long total = 0;
        for (Feature f : Feature.values()) {
            total += pending(f);
        }
        return total;
    }

    /** Implemented by payloads that can name themselves in a warning (e.g. a heartbeat's slug). */
    public interface Describable {
        String describe();
    }
}
