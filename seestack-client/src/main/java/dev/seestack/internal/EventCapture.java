package dev.seestack.internal;

import dev.seestack.ErrorContext;
import dev.seestack.SeeStackConfig;
import dev.seestack.SeeStackContext;
import dev.seestack.User;
import dev.seestack.internal.delivery.DeliveryPipeline;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.ErrorEntry;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.MetadataSnapshot;
import dev.seestack.internal.event.SeenThrowables;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.event.UserPrecedence;
import dev.seestack.internal.http.TraceIds;
import dev.seestack.internal.json.BlankText;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.screen.BreadcrumbTrail;
import dev.seestack.internal.screen.ErrorRateLimiter;
import dev.seestack.internal.screen.EventScreen;
import dev.seestack.internal.screen.HookStage;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The capture paths of a client (logs, errors, escaped errors, other items): turns each call into an event and
 * hands it to the pipeline while the client is enabled, counting what it refuses. The logging router and the public
 * client call it directly; features see it as a {@link Capture}.
 */
public final class EventCapture implements Capture {
    private final SeeStackConfig config;
    private final Diagnostics diagnostics;
    /** Null when the client never started (an insecure production setup): every capture is then a no-op. */
    private final DeliveryPipeline pipeline;
    private final SeenThrowables seenThrowables = new SeenThrowables();
    private final EventScreen screen;
    /** The {@code beforeSend*} hooks' thread, or null when no hook is configured. */
    private final HookStage hooks;
    private volatile boolean enabled;
    private volatile User user;

    EventCapture(SeeStackConfig config, Diagnostics diagnostics, DeliveryPipeline pipeline, EventScreen screen,
            HookStage hooks) {
        this.config = config;
        this.diagnostics = diagnostics;
        this.pipeline = pipeline;
        this.screen = screen;
        this.hooks = hooks;
        this.enabled = pipeline != null;
    }

    /** The breadcrumbs of this client's traces (logging adapters and HTTP monitoring record into it). */
    public BreadcrumbTrail breadcrumbs() {
        return screen.trail();
    }

    /** Whether captures are accepted (false after close, a 401, or an insecure production setup). */
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean admits(Feature feature) {
        if (enabled) {
            return true;
        }
        countDisabledDrop(feature);
        return false;
    }

    /** The client's {@code service} option, the last fallback for an event that names none; null when unset. */
    public String clientService() {
        return config.service();
    }

    @Override
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Stops accepting captures (close, a 401); later ones are counted as disabled drops. */
    void disable() {
        enabled = false;
    }

    /** Sets the global user (null clears it). */
    public void setUser(User user) {
        this.user = user;
    }

    @Override
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
            if (BlankText.isBlank(message)) {
                rejectLocally(Feature.LOGS, "log with a blank message");
                return;
            }
            Map<String, Object> meta = MetadataSanitizer.sanitizeMap(metadata);
            SeeStackContext context = SeeStackContext.current();
            String service = stringOrNull(meta.remove("service"));
            String traceId = stringOrNull(meta.remove("traceId"));
            if (service == null) {
                service = context.service() != null ? context.service() : config.service();
            }
            captureLog(new LogEntry(severity, message, service,
                    traceId != null ? traceId : TraceIds.current(), meta));
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
        if (BlankText.isBlank(entry.message())) {
            rejectLocally(Feature.LOGS, "log with a blank message");
            return;
        }
        if (screen.tagsLogs()) {
            entry.wrapSnapshot(screen::forLog);
        }
        if (hooks == null) {
            pipeline.enqueue(entry); // every logging call takes this path: no frame more than needed
        } else {
            hand(entry);
        }
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
            String traceId = TraceIds.current();
            if (traceId != null) {
                meta.putIfAbsent("traceId", traceId);
            }
            String service = current.service() != null ? current.service() : config.service();
            if (service != null) {
                meta.putIfAbsent("service", service);
            }
            Severity level = context == null ? null : Severity.parse(context.level());
            User u = context == null ? null : context.user();
            Object crumbTrace = meta.get("traceId");
            captureError(throwable, null, level, UserPrecedence.forError(u, user), () -> meta,
                    BreadcrumbTrail.keyOf(crumbTrace == null ? null : String.valueOf(crumbTrace),
                            Thread.currentThread().getName()));
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
            Set<Throwable> chain = Collections.newSetFromMap(new IdentityHashMap<>());
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
     * Enqueues an error (adapters): the same throwable instance is sent once; the fields {@code user} (may be null)
     * lacks come from {@link #setUser} (see {@link UserPrecedence}); {@code metadata} is assembled on the sender
     * thread; {@code crumbKey} names the trace whose breadcrumbs it carries (null: none).
     */
    public void captureError(Throwable throwable, String fallbackMessage, Severity level, User user,
            MetadataSnapshot metadata, String crumbKey) {
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
        if (screen.ignores(throwable)) {
            pipeline.counters(Feature.ERRORS).recordIgnoredDrop();
            return;
        }
        long suppressed = screen.admit(throwable);
        if (suppressed == ErrorRateLimiter.REFUSED) {
            pipeline.counters(Feature.ERRORS).recordRateLimitedDrop();
            return;
        }
        hand(new ErrorEntry(throwable, fallbackMessage, level == null ? Severity.ERROR : level,
                config.environment(), config.release(), UserPrecedence.merge(user, this.user),
                screen.forError(metadata, crumbKey, suppressed)));
    }

    @Override
    public boolean enqueue(Encodable item) {
        if (!enabled) {
            countDisabledDrop(item.feature());
            return false;
        }
        return hand(item);
    }

    /** To the hook thread when the item's feature has a hook, else straight to the pipeline. */
    private boolean hand(Encodable item) {
        if (hooks == null || !hooks.handles(item.feature())) {
            return pipeline.enqueue(item);
        }
        if (!hooks.submit(item)) {
            pipeline.counters(item.feature()).recordBufferFullDrop();
            return false;
        }
        return true;
    }

    /** Waits until the hook thread has handed on what it holds (flush, close). */
    boolean awaitHooks(long deadlineNanos) {
        return hooks == null || hooks.awaitIdle(deadlineNanos);
    }

    void stopHooks() {
        if (hooks != null) {
            hooks.stop();
        }
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

    @Override
    public void rejectLocally(Feature feature, String reason) {
        if (pipeline != null) {
            pipeline.counters(feature).recordLocalRejection();
        }
        diagnostics.debug(() -> "rejected locally: " + reason);
    }

    private static String stringOrNull(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
