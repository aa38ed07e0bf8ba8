package dev.seestack.internal;

import dev.seestack.internal.json.BlankText;
import dev.seestack.ClientStats;
import dev.seestack.ErrorContext;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStackConfig;
import dev.seestack.SeeStackContext;
import dev.seestack.User;
import dev.seestack.internal.config.PlainHttpPolicy;
import dev.seestack.internal.config.ProxyTunnelAuth;
import dev.seestack.internal.delivery.DeliveryPipeline;
import dev.seestack.internal.delivery.FeatureCounters;
import dev.seestack.internal.delivery.HttpStack;
import dev.seestack.internal.delivery.Scheduler;
import dev.seestack.internal.delivery.Transport;
import dev.seestack.internal.delivery.TransportResponse;
import dev.seestack.internal.delivery.StatusTable;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.ErrorEntry;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.MetadataSnapshot;
import dev.seestack.internal.event.SeenThrowables;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.event.UserPrecedence;
import dev.seestack.internal.flags.FlagEvaluator;
import dev.seestack.internal.http.HttpBatch;
import dev.seestack.internal.http.HttpMonitor;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.internal.spool.DiskSpool;
import dev.seestack.internal.spool.SpoolCounters;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Everything a client does, shared by the public {@code SeeStackClient} and the framework adapters:
 * turning captures into events, enforcing the enabled/disabled state, and owning the delivery pipeline.
 * No method throws into the application.
 */
public final class ClientCore {
    /** Deadline of {@link #close()} and of the shutdown drain. */
    public static final Duration CLOSE_DEADLINE = Duration.ofSeconds(5);

    private final SeeStackConfig config;
    private final Diagnostics diagnostics;
    private final DeliveryPipeline pipeline;
    /** The disk spool (issue 15), or null when {@code spoolDir} is unset. */
    private final DiskSpool spool;
    private final SeenThrowables seenThrowables = new SeenThrowables();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean disabledWarned = new AtomicBoolean();
    private final Thread shutdownHook;
    private final UncaughtExceptionReporter uncaughtReporter;
    private volatile boolean enabled;
    private volatile User user;
    private String lastPrintedStats;
    private volatile HttpMonitor httpMonitor;
    private volatile FlagEvaluator flagEvaluator;
    /** The HTTP client shared by ingest and flags; created on first use, closed by {@link #close()}. */
    private HttpStack httpStack;

    /** The documented 401 text, plus the other cause the backend answers 401 for. */
    static final String UNAUTHORIZED_WARNING = StatusTable.UNAUTHORIZED.warning();

    public ClientCore(SeeStackConfig config, ClientComponents components) {
        this.config = config;
        this.diagnostics = new Diagnostics(config.debug(), components.sink());
        for (String warning : ClientAccess.warnings(config)) {
            diagnostics.warn("SeeStack SDK: " + warning);
        }
        String tunnelWarning = ProxyTunnelAuth.warning(config.host(), config.proxy());
        if (tunnelWarning != null) {
            diagnostics.warn("SeeStack SDK: " + tunnelWarning);
        }
        if (PlainHttpPolicy.refuses(config.environment(), config.host())) {
            diagnostics.alertOnce("ERROR", "plain-http", "SeeStack SDK: refusing to send to plain-HTTP host " + config.host()
                    + " in environment '" + config.environment() + "'; SDK disabled, feature flags included. Use an"
                    + " https:// host, a loopback host, or another 'environment' for local testing.");
            this.pipeline = null;
            this.spool = null;
            this.enabled = false;
            this.shutdownHook = null;
            this.uncaughtReporter = null;
            return;
        }
        Scheduler scheduler = components.scheduler();
        Transport transport = components.transport(config, this::httpStack);
        this.pipeline = new DeliveryPipeline(config.bufferSize(), config.flushIntervalMs(),
                components.senderThreads(), transport, components.retryPolicy(),
                scheduler, diagnostics, new SensitiveDataMasker(), batchAssemblers(config),
                this::onUnauthorized);
        pipeline.start();
        this.spool = SpoolWiring.start(config, scheduler, diagnostics, transport, components.retryPolicy(),
                this::onUnauthorized);
        if (spool != null) {
            pipeline.spoolTo(spool);
        }
        if (config.debug()) {
            scheduler.scheduleAtFixedRate(this::printStatsWhenChanged, config.flushIntervalMs());
        }
        this.enabled = true;
        this.shutdownHook = components.shutdownHook() && config.shutdownHook() ? registerShutdownHook() : null;
        this.uncaughtReporter = config.captureUncaughtExceptions()
                ? UncaughtExceptionReporter.install(this, CLOSE_DEADLINE) : null;
        diagnostics.debug(() -> "SeeStack SDK initialised: " + config);
    }

    private Map<Feature, Function<List<Encodable>, Encodable>> batchAssemblers(SeeStackConfig config) {
        Map<Feature, Function<List<Encodable>, Encodable>> assemblers = new EnumMap<>(Feature.class);
        String projectId = config.projectId();
        if (HttpMonitor.isValidProjectId(projectId)) {
            assemblers.put(Feature.HTTP_REQUESTS, items -> new HttpBatch(projectId, items));
        }
        return assemblers;
    }

    /** This client's HTTP monitoring (created on first use, so its projectId warning appears only if used). */
    public HttpMonitor httpMonitor() {
        HttpMonitor m = httpMonitor;
        if (m == null) {
            synchronized (this) {
                m = httpMonitor;
                if (m == null) {
                    m = new HttpMonitor(this);
                    httpMonitor = m;
                }
            }
        }
        return m;
    }

    /** This client's feature-flag evaluator (created on first use). */
    public FlagEvaluator flags() {
        FlagEvaluator f = flagEvaluator;
        if (f == null) {
            synchronized (this) {
                f = flagEvaluator;
                if (f == null) {
                    f = FlagEvaluator.create(this);
                    flagEvaluator = f;
                }
            }
        }
        return f;
    }

    /** The HTTP client of this SDK client (ingest and flags), with its proxy and TLS settings. */
    public synchronized HttpStack httpStack() {
        if (httpStack == null) {
            httpStack = HttpStack.forConfig(config);
            if (closed.get()) {
                httpStack.close();
            }
        }
        return httpStack;
    }

    public SeeStackConfig config() {
        return config;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Whether captures are accepted (false after close, a 401, or an insecure production setup). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setUser(User user) {
        this.user = user;
    }

    public User user() {
        return user;
    }

    /** The public {@code captureLog}: normalises the level, pulls {@code service}/{@code traceId} out of metadata. */
    public void captureLog(String level, String message, Map<String, ?> metadata) {
        if (!enabled) {
            countDisabledDrop(Feature.LOGS);
            return;
        }
        try {
            Severity severity = Severity.parse(level);
            if (severity == null) {
                diagnostics.debug(() -> "unknown log level '" + level + "', sending as info");
                severity = Severity.INFO;
            }
            if (isBlank(message)) {
                rejectLocally(Feature.LOGS, "log with a blank message");
                return;
            }
            Map<String, Object> meta = MetadataSanitizer.sanitizeMap(metadata);
            SeeStackContext context = SeeStackContext.current();
            String service = stringOrNull(meta.remove("service"));
            String traceId = stringOrNull(meta.remove("traceId"));
            captureLog(new LogEntry(severity, message, service != null ? service : context.service(),
                    traceId != null ? traceId : context.traceId(), meta));
        } catch (RuntimeException | LinkageError e) {
            rejectLocally(Feature.LOGS, "log could not be captured: " + e);
        }
    }

    /** Enqueues a ready-made log (adapters); a blank message is counted as a local rejection. */
    public void captureLog(LogEntry entry) {
        if (!enabled) {
            countDisabledDrop(Feature.LOGS);
            return;
        }
        if (isBlank(entry.message())) {
            rejectLocally(Feature.LOGS, "log with a blank message");
            return;
        }
        pipeline.enqueue(entry);
    }

    /** The public {@code captureError}: level, user and metadata from {@code context} (may be null). */
    public void captureError(Throwable throwable, ErrorContext context) {
        if (!enabled) {
            countDisabledDrop(Feature.ERRORS);
            return;
        }
        try {
            Map<String, Object> meta = MetadataSanitizer.sanitizeMap(context == null ? null : context.metadata());
            SeeStackContext current = SeeStackContext.current();
            if (current.traceId() != null) {
                meta.putIfAbsent("traceId", current.traceId());
            }
            if (current.service() != null) {
                meta.putIfAbsent("service", current.service());
            }
            Severity level = context == null ? null : Severity.parse(context.level());
            User u = context == null ? null : context.user();
            captureError(throwable, null, level, UserPrecedence.forError(u, user), () -> meta);
        } catch (RuntimeException | LinkageError e) {
            rejectLocally(Feature.ERRORS, "error could not be captured: " + e);
        }
    }

    /**
     * Captures an exception that escaped a request (servlet filter) as the public {@code captureError} does, once:
     * skipped when it or one of its causes was already sent (the application logged it before rethrowing or
     * wrapping it), and its causes are remembered too, so a later log of any of them is not a second copy.
     */
    public void captureEscapedError(Throwable throwable, ErrorContext context) {
        if (!enabled || throwable == null) {
            captureError(throwable, context);
            return;
        }
        try {
            java.util.Set<Throwable> chain = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Throwable t = throwable; t != null && chain.size() < 16 && chain.add(t); t = t.getCause()) {
                if (seenThrowables.contains(t)) {
                    diagnostics.debug(() -> "skipping escaped " + throwable.getClass().getName()
                            + ": the application already logged it");
                    return;
                }
            }
            captureError(throwable, context);
            for (Throwable t : chain) {
                seenThrowables.firstSighting(t);
            }
        } catch (RuntimeException | LinkageError e) {
            rejectLocally(Feature.ERRORS, "error could not be captured: " + e);
        }
    }

    /**
     * Enqueues an error (adapters): the same throwable instance is sent once; the fields {@code user} (may be
     * null) lacks come from {@link #setUser} (see {@link UserPrecedence}); {@code metadata} is assembled on the
     * sender thread.
     */
    public void captureError(Throwable throwable, String fallbackMessage, Severity level, User user,
            MetadataSnapshot metadata) {
        if (!enabled) {
            countDisabledDrop(Feature.ERRORS);
            return;
        }
        if (throwable == null) {
            rejectLocally(Feature.ERRORS, "captureError(null)");
            return;
        }
        if (!seenThrowables.firstSighting(throwable)) {
            diagnostics.debug(() -> "skipping " + throwable.getClass().getName() + ": this instance was already sent");
            return;
        }
        pipeline.enqueue(new ErrorEntry(throwable, fallbackMessage, level == null ? Severity.ERROR : level,
                config.environment(), config.release(), UserPrecedence.merge(user, this.user), metadata));
    }

    /** Enqueues any other item (HTTP items, heartbeats); returns false when not accepted. */
    public boolean enqueue(Encodable item) {
        if (!enabled) {
            countDisabledDrop(item.feature());
            return false;
        }
        return pipeline.enqueue(item);
    }

    /**
     * Counts an item handed over while the SDK is disabled (after a 401) or closed, so that the counters account
     * for every capture call, including the ones that are not turned into events any more.
     */
    public void countDisabledDrop(Feature feature) {
        if (pipeline != null) {
            pipeline.counters(feature).recordDisabledDrop();
        }
    }

    /** Counts an item refused before it was buffered (invalid input), with a debug line. */
    public void rejectLocally(Feature feature, String reason) {
        if (pipeline != null) {
            pipeline.counters(feature).recordLocalRejection();
        }
        diagnostics.debug(() -> "rejected locally: " + reason);
    }

    public boolean flush(Duration timeout) {
        if (pipeline == null) {
            return true;
        }
        try {
            return pipeline.flush(timeout);
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
        enabled = false;
        if (uncaughtReporter != null) {
            uncaughtReporter.uninstall();
        }
        removeShutdownHook();
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
        closeHttpStack();
        diagnostics.debug(() -> "SeeStack SDK closed: " + stats());
    }

    private void closeHttpStack() {
        HttpStack stack;
        synchronized (this) {
            stack = httpStack;
        }
        if (stack != null) {
            try {
                stack.close();
            } catch (RuntimeException e) {
                internalFailure(e);
            }
        }
    }

    /**
     * The JVM shutdown hook: other shutdown hooks (a framework closing its context) still log while it runs, so
     * it keeps accepting and sending until nothing new arrived for {@link #EXIT_QUIET_PERIOD} or the close
     * deadline passes, and only then closes.
     */
    void drainAtExit() {
        long end = System.nanoTime() + CLOSE_DEADLINE.toNanos();
        long seen = -1;
        while (pipeline != null && enabled && System.nanoTime() < end) {
            long captured = totalCaptured();
            if (captured == seen) {
                break;
            }
            seen = captured;
            long remaining = end - System.nanoTime();
            flush(Duration.ofNanos(Math.max(1, remaining)));
            try {
                Thread.sleep(Math.max(0, Math.min(EXIT_QUIET_PERIOD.toMillis(),
                        java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    /** How long the exit drain waits for new captures after its buffers emptied before it closes. */
    static final Duration EXIT_QUIET_PERIOD = Duration.ofMillis(100);

    private long totalCaptured() {
        ClientStats s = stats();
        return s.errors().captured() + s.logs().captured() + s.httpRequests().captured() + s.heartbeats().captured();
    }

    public boolean isClosed() {
        return closed.get();
    }

    public ClientStats stats() {
        return new ClientStats(stats(Feature.ERRORS), stats(Feature.LOGS), stats(Feature.HTTP_REQUESTS),
                stats(Feature.HEARTBEATS));
    }

    /** Items of {@code feature} buffered, in flight or waiting for a retry, counted where they are (tests). */
    public long heldItems(Feature feature) {
        return pipeline == null ? 0 : pipeline.heldItems(feature);
    }

    private FeatureStats stats(Feature feature) {
        if (pipeline == null) {
            return new FeatureStats(0, 0, 0, 0, 0, 0);
        }
        FeatureCounters c = pipeline.counters(feature);
        // read "sent" and drops before "captured" so a concurrent capture never yields a negative pending
        long sent = c.sent();
        long full = c.droppedBufferFull();
        long retries = c.droppedAfterRetries();
        long rejected = c.rejected();
        long disabled = c.droppedDisabled();
        long spooled = c.spooled();
        if (spool == null) {
            return new FeatureStats(c.captured(), sent, full, retries, rejected, disabled);
        }
        SpoolCounters s = spool.counters();
        return new FeatureStats(c.captured(), sent, full, retries, rejected, disabled, spooled,
                s.resentFromSpool(feature), s.rejectedFromSpool(feature), s.droppedSpoolFull(feature));
    }

    private void printStatsWhenChanged() {
        String current = stats().toString() + SpoolWiring.backlog(spool);
        if (!current.equals(lastPrintedStats)) {
            lastPrintedStats = current;
            diagnostics.debug(() -> "SeeStack SDK stats: " + current);
        }
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
        enabled = false;
    }

    private Thread registerShutdownHook() {
        Thread hook = new Thread(this::drainAtExit, "seestack-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException | SecurityException e) {
            return null; // already shutting down, or not permitted
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | SecurityException e) {
            // the JVM is shutting down: the hook is running or will run, and close() is idempotent
        }
    }

    private void internalFailure(Throwable e) {
        diagnostics.debug(() -> "internal failure (swallowed): " + e);
    }

    private static boolean isBlank(String s) {
        return BlankText.isBlank(s);
    }

    private static String stringOrNull(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
