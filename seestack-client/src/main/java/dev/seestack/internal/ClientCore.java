package dev.seestack.internal;

import dev.seestack.ClientStats;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.delivery.DeliveryPipeline;
import dev.seestack.internal.transport.HttpEngine;
import dev.seestack.internal.delivery.Scheduler;
import dev.seestack.internal.delivery.Outcome;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.flags.FlagEvaluator;
import dev.seestack.internal.http.HttpBatch;
import dev.seestack.internal.http.HttpMonitor;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.internal.screen.EventScreen;
import dev.seestack.internal.screen.HookStage;
import dev.seestack.internal.screen.SendHooks;
import dev.seestack.internal.spool.DiskSpool;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client's lifecycle behind the public {@code SeeStackClient}: it wires the delivery pipeline, the spool, the exit
 * drain and the lazily made services, and disables {@link EventCapture} on close or a 401; captures go to
 * {@link #capture()} directly, stats to {@link StatsReader}. No method throws into the application.
 */
public final class ClientCore {
    /** Deadline of {@link #close()} and of the shutdown drain. */
    public static final Duration CLOSE_DEADLINE = Duration.ofSeconds(5);

    /** The documented 401 text, plus the other cause the backend answers 401 for. */
    static final String UNAUTHORIZED_WARNING = Outcome.UNAUTHORIZED.warning();

    private final SeeStackConfig config;
    private final Diagnostics diagnostics;
    private final DeliveryPipeline pipeline;
    /** The disk spool, or null when {@code spoolDir} is unset. */
    private final DiskSpool spool;
    private final EventCapture capture;
    private final StatsReader stats;
    private final LazyServices services;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean disabledWarned = new AtomicBoolean();
    private final ShutdownDrain shutdownDrain;
    private final UncaughtExceptionReporter uncaughtReporter;

    public ClientCore(SeeStackConfig config, ClientComponents components) {
        this.config = config;
        this.diagnostics = new Diagnostics(config.debug(), components.sink());
        this.services = new LazyServices(this, config, closed::get, components);
        if (StartupChecks.refusesToStart(config, diagnostics)) {
            this.pipeline = null;
            this.spool = null;
            this.capture = new EventCapture(config, diagnostics, null, new EventScreen(config, System::currentTimeMillis),
                    null);
            this.stats = new StatsReader(null, null, diagnostics);
            this.shutdownDrain = null;
            this.uncaughtReporter = null;
            return;
        }
        Scheduler scheduler = components.scheduler();
        services.engineClock(scheduler::nanoTime);
        Transport transport = components.transport(config, this::httpEngine);
        this.pipeline = new DeliveryPipeline(config.bufferSize(), config.bufferBytes(), config.flushIntervalMs(),
                components.senderThreads(), transport, components.retryPolicy(),
                scheduler, diagnostics, new SensitiveDataMasker(), HttpBatch.assemblers(config.projectId()),
                this::onUnauthorized);
        // before start: a 401 may disable it
        this.capture = new EventCapture(config, diagnostics, pipeline,
                new EventScreen(config, () -> scheduler.nanoTime() / 1_000_000), hookStage(config, pipeline));
        pipeline.start();
        this.spool = SpoolWiring.start(config, scheduler, diagnostics, transport, components.retryPolicy(),
                this::onUnauthorized);
        if (spool != null) {
            pipeline.spoolTo(spool);
        }
        this.stats = new StatsReader(pipeline, spool, diagnostics);
        if (config.debug()) {
            scheduler.scheduleAtFixedRate(stats::printWhenChanged, config.flushIntervalMs());
        }
        this.shutdownDrain = components.shutdownHook() && config.shutdownHook()
                ? ShutdownDrain.register(this, stats) : null;
        this.uncaughtReporter = config.captureUncaughtExceptions()
                ? UncaughtExceptionReporter.install(capture::captureError, () -> flush(CLOSE_DEADLINE), diagnostics)
                : null;
        diagnostics.debug(() -> "SeeStack SDK initialised: " + config);
    }

    private HookStage hookStage(SeeStackConfig config, DeliveryPipeline pipeline) {
        SendHooks hooks = ClientAccess.hooks(config);
        if (hooks.isEmpty()) {
            return null;
        }
        return new HookStage(hooks, diagnostics, config.bufferSize(), config.bufferBytes(), new HookStage.Outlet() {
            @Override
            public void send(Encodable item) {
                pipeline.enqueue(item);
            }

            @Override
            public void dropByHook(Feature feature) {
                pipeline.counters(feature).recordHookDrop();
            }
        });
    }

    /** The capture paths of this client: the public client and the logging router call them directly. */
    public EventCapture capture() {
        return capture;
    }

    /** This client's HTTP monitoring (created on first use, so its projectId warning appears only if used). */
    public HttpMonitor httpMonitor() {
        return services.httpMonitor();
    }

    /** This client's feature-flag evaluator (created on first use). */
    public FlagEvaluator flags() {
        return services.flags();
    }

    /** The HTTP engine of this SDK client (ingest, spool and flags), with its proxy and TLS settings. */
    public HttpEngine httpEngine() {
        return services.httpEngine();
    }

    public SeeStackConfig config() {
        return config;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Whether captures are accepted (false after close, a 401, or an insecure production setup). */
    public boolean isEnabled() {
        return capture.isEnabled();
    }

    public boolean flush(Duration timeout) {
        if (pipeline == null) {
            return true;
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean hooksIdle = capture.awaitHooks(deadline);
            return pipeline.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) && hooksIdle;
        } catch (RuntimeException e) {
            internalFailure(e);
            return false;
        }
    }

    /** Drains within {@link #CLOSE_DEADLINE} and stops every SDK thread; idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        capture.disable();
        capture.awaitHooks(System.nanoTime() + CLOSE_DEADLINE.toNanos() / 5);
        capture.stopHooks();
        if (uncaughtReporter != null) {
            uncaughtReporter.uninstall();
        }
        if (shutdownDrain != null) {
            shutdownDrain.remove();
        }
        if (spool != null) {
            spool.stopResending();
        }
        if (pipeline != null) {
            try {
                pipeline.close(CLOSE_DEADLINE);
            } catch (RuntimeException e) {
                internalFailure(e);
            }
        }
        if (spool != null) {
            spool.close(); // after the pipeline: what the close left unsent is spooled, then synced
        }
        services.closeHttpEngine(this::internalFailure);
        diagnostics.debug(() -> "SeeStack SDK closed: " + stats());
    }

    public boolean isClosed() {
        return closed.get();
    }

    public ClientStats stats() {
        return stats.stats();
    }

    /** Items of {@code feature} buffered, in flight or waiting for a retry, counted where they are (tests). */
    public long heldItems(Feature feature) {
        return pipeline == null ? 0 : pipeline.heldItems(feature);
    }

    private void onUnauthorized() {
        // stop the pipeline first, so nothing buffered can be flushed out after the SDK reports itself disabled
        pipeline.disable();
        if (spool != null) {
            spool.close(); // its threads end like the pipeline's; segments stay on disk for a corrected key
        }
        if (disabledWarned.compareAndSet(false, true)) {
            diagnostics.alertOnce("WARN", "401", UNAUTHORIZED_WARNING);
        }
        capture.disable();
    }

    private void internalFailure(Throwable e) {
        diagnostics.debug(() -> "internal failure (swallowed): " + e);
    }
}
