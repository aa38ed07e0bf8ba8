package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.diag.DropWarnings;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Buffers captured items per feature and delivers them from a small pool of sender threads.
 * The application's thread only offers to a ring buffer (and, on a trigger, signals a condition);
 * encoding, masking, I/O and retries all happen on {@code seestack-sender-*} threads. Retries wait on
 * the {@link Scheduler}, not on a sender, so one failing request never stalls newer ones.
 *
 * <p>This class wires the stages and sequences start and stop: {@link PipelineControl} owns the one lock, the
 * lifecycle, the in-flight requests and the retries; {@link SenderLoop} runs the threads; {@link FateLedger}
 * counts every item's fate by the {@link Outcome} table. Its own fields are final but {@code timer}, set once by
 * {@link #start} (inside the control's start) and cancelled by close or disable.
 */
public final class DeliveryPipeline {
    /** Requests one pipeline keeps in flight at most (its window's upper bound). */
    public static final int MAX_IN_FLIGHT = InFlightWindow.MAX;
    /** Request bodies larger than this are re-encoded without metadata. */
    public static final int MAX_BODY_BYTES = PayloadEncoder.MAX_BODY_BYTES;

    private final Lanes lanes;
    private final SpoolHooks spool;
    private final FateLedger ledger;
    private final PipelineControl control;
    private final SenderLoop senders;
    private final Transport transport;
    private final Scheduler scheduler;
    private final int senderThreads;
    private final long flushIntervalMs;
    private volatile Scheduler.Cancellable timer = () -> { };

    /**
     * Builds the pipeline without starting it: {@link #start} starts its threads and timer.
     *
     * @param bufferSize each lane's bound in items, retries included
     * @param bufferBytes each lane's bound in estimated bytes ({@link Encodable#retainedBytes}), retries included
     * @param batchAssemblers for batched features, turns up to {@code maxBatchItems} items into one request
     *     payload; a batched feature without an assembler drops its items as rejected
     * @param onUnauthorized called once on a 401, on a sender thread
     */
    public DeliveryPipeline(int bufferSize, long bufferBytes, long flushIntervalMs, int senderThreads,
            Transport transport, RetryPolicy retryPolicy, Scheduler scheduler, Diagnostics diagnostics, SensitiveDataMasker masker,
            Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers, Runnable onUnauthorized) {
        this.transport = transport;
        this.scheduler = scheduler;
        this.senderThreads = senderThreads;
        this.flushIntervalMs = flushIntervalMs;
        Map<Feature, Function<List<Encodable>, Encodable>> assemblers = new EnumMap<>(Feature.class);
        assemblers.putAll(batchAssemblers);
        PayloadEncoder encoder = new PayloadEncoder(masker);
        spool = new SpoolHooks(encoder, assemblers);
        String[] features = new String[Feature.values().length];
        for (Feature f : Feature.values()) {
            features[f.ordinal()] = f.displayName();
        }
        ledger = new FateLedger(spool, diagnostics, new DropWarnings(diagnostics, scheduler::nanoTime, features));
        lanes = new Lanes(bufferSize, bufferBytes, assemblers, diagnostics, ledger);
        control = new PipelineControl(lanes, ledger, scheduler, onUnauthorized);
        senders = new SenderLoop(control, transport, encoder, retryPolicy, diagnostics, scheduler::nanoTime);
    }

    /** Starts the sender threads and the flush timer; once, and only while the pipeline still runs. */
    public void start() {
        control.startOnce(() -> {
            senders.start(senderThreads);
            timer = scheduler.scheduleAtFixedRate(this::onTick, flushIntervalMs);
        });
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
        control.offer(lane, item);
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
        return lanes.get(feature).counters.pending();
    }

    /**
     * Items of {@code feature} counted where they are (buffered, in flight, waiting for a retry) instead of
     * derived from the counters like {@link #pending}: the two agree, between updates, only while every
     * item's fate is counted. For tests of the accounting.
     */
    public long heldItems(Feature feature) {
        return control.heldItems(lanes.get(feature), true);
    }

    /** Items of {@code feature} buffered or in flight (held, less what waits for a retry); for tests. */
    long bufferedItems(Feature feature) {
        return control.heldItems(lanes.get(feature), false);
    }

    /** Sends everything buffered now; waits until it is delivered or dropped, or {@code timeout} passes. */
    public boolean flush(Duration timeout) {
        return control.flush(System.nanoTime() + timeout.toNanos(), this::totalPending);
    }

    /**
     * Stops accepting items, gives waiting retries one immediate last attempt, drains within {@code deadline},
     * then stops every SDK thread. Idempotent.
     */
    public void close(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        control.closeAndDrain(end, timer::cancel, this::totalPending);
        control.stop();
        scheduler.shutdown();
        // the drain above waited for answers up to the deadline: what is still unanswered is counted now as dropped
        // by the stop, and its late answer ignored; closing the transport then fails it at once
        control.abandonInFlight();
        transport.close();
        senders.join(end);
        // what the deadline left buffered or waiting for a retry is discarded: count it, so nothing stays pending
        control.dropRemaining();
    }

    /** Stops sending for good (after a 401): drops everything buffered and stops every SDK thread. */
    public void disable() {
        if (!control.disable()) {
            return;
        }
        timer.cancel();
        control.dropRemaining();
        control.abandonInFlight(); // requests in flight alongside the 401 are cut short by the disable
        scheduler.shutdown();
        transport.close();
    }

    /** Requests the in-flight window allows now; for tests of the window. */
    int windowSize() {
        return control.windowSize();
    }

    /** Whether senders may take from the buffer of {@code feature} now; for tests of when senders are woken. */
    boolean isReleased(Feature feature) {
        return control.isReleased(feature);
    }

    /** The timer's tick: prints the drop reports that are due, then releases every lane holding items. */
    private void onTick() {
        ledger.reportDue();
        control.releaseBuffered();
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
