package dev.seestack.internal;

import dev.seestack.ClientStats;
import dev.seestack.ErrorContext;
import dev.seestack.SeeStackConfig;
import dev.seestack.User;
import dev.seestack.internal.delivery.DeliveryPipeline;
import dev.seestack.internal.transport.HttpEngine;
import dev.seestack.internal.delivery.Scheduler;
import dev.seestack.internal.delivery.Outcome;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.MetadataSnapshot;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.event.UserPrecedence;
import dev.seestack.internal.flags.FlagEvaluator;
import dev.seestack.internal.http.HttpBatch;
import dev.seestack.internal.http.HttpMonitor;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.internal.screen.BreadcrumbTrail;
import dev.seestack.internal.screen.EventScreen;
import dev.seestack.internal.screen.HookStage;
import dev.seestack.internal.screen.SendHooks;
import dev.seestack.internal.spool.DiskSpool;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything a client does, shared by the public {@code SeeStackClient} and the framework adapters: it wires the
 * delivery pipeline, the spool and the exit drain, enforces the enabled/disabled state and hands captures to
 * {@link EventCapture}, stats to {@link StatsReader}. No method throws into the application.
 */
public final class ClientCore {
    /** Deadline of {@link #close()} and of the shutdown drain. */
    public static final Duration CLOSE_DEADLINE = Duration.ofSeconds(5);

    /** The documented 401 text, plus the other cause the backend answers 401 for. */
    static final String UNAUTHORIZED_WARNING = Outcome.UNAUTHORIZED.warning();

    private final SeeStackConfig config;
    private final Diagnostics diagnostics;
    private final DeliveryPipeline pipeline;
    /** The disk spool (issue 15), or null when {@code spoolDir} is unset. */
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
        this.pipeline = new DeliveryPipeline(config.bufferSize(), config.flushIntervalMs(),
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
                ? UncaughtExceptionReporter.install(this, CLOSE_DEADLINE) : null;
        diagnostics.debug(() -> "SeeStack SDK initialised: " + config);
    }

    private HookStage hookStage(SeeStackConfig config, DeliveryPipeline pipeline) {
        SendHooks hooks = ClientAccess.hooks(config);
        if (hooks.isEmpty()) {
            return null;
        }
        return new HookStage(hooks, diagnostics, config.bufferSize(), new HookStage.Outlet() {
            @Override
            public void send(dev.seestack.internal.event.Encodable item) {
                pipeline.enqueue(item);
            }

            @Override
            public void dropByHook(Feature feature) {
                pipeline.counters(feature).recordHookDrop();
            }
        });
    }

    /** The breadcrumbs of this client's traces (logging adapters and HTTP monitoring record into it). */
    public BreadcrumbTrail breadcrumbs() {
        return capture.screen().trail();
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

    public void setUser(User user) {
        capture.setUser(user);
    }

    public User user() {
        return capture.user();
    }

    /** The public {@code captureLog}: normalises the level, pulls {@code service}/{@code traceId} out of metadata. */
    public void captureLog(String level, String message, Map<String, ?> metadata) {
        capture.captureLog(level, message, metadata);
    }

    /** Enqueues a ready-made log (adapters); a blank message is counted as a local rejection. */
    public void captureLog(LogEntry entry) {
        capture.captureLog(entry);
    }

    /** The public {@code captureError}: level, user and metadata from {@code context} (may be null). */
    public void captureError(Throwable throwable, ErrorContext context) {
        capture.captureError(throwable, context);
    }

    /**
     * Captures an exception that escaped a request (servlet filter) as the public {@code captureError} does, once:
     * skipped when it or one of its causes was already sent (the application logged it before rethrowing or
     * wrapping it), and its causes are remembered too, so a later log of any of them is not a second copy.
     */
    public void captureEscapedError(Throwable throwable, ErrorContext context) {
        capture.captureEscapedError(throwable, context);
    }

    /**
     * Enqueues an error (adapters): the same throwable instance is sent once; the fields {@code user} (may be
     * null) lacks come from {@link #setUser} (see {@link UserPrecedence}); {@code metadata} is assembled on the
     * sender thread.
     */
    public void captureError(Throwable throwable, String fallbackMessage, Severity level, User user,
            MetadataSnapshot metadata) {
        capture.captureError(throwable, fallbackMessage, level, user, metadata, null);
    }

    /** As above, carrying the breadcrumbs of trace {@code crumbKey} ({@link BreadcrumbTrail#keyOf}). */
    public void captureError(Throwable throwable, String fallbackMessage, Severity level, User user,
            MetadataSnapshot metadata, String crumbKey) {
        capture.captureError(throwable, fallbackMessage, level, user, metadata, crumbKey);
    }

    /** Enqueues any other item (HTTP items, heartbeats); returns false when not accepted. */
    public boolean enqueue(Encodable item) {
        return capture.enqueue(item);
    }

    /**
     * Counts an item handed over while the SDK is disabled (after a 401) or closed, so that the counters account
     * for every capture call, including the ones that are not turned into events any more.
     */
    public void countDisabledDrop(Feature feature) {
        capture.countDisabledDrop(feature);
    }

    /** Counts an item refused before it was buffered (invalid input), with a debug line. */
    public void rejectLocally(Feature feature, String reason) {
        capture.rejectLocally(feature, reason);
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
