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
 * hands it to the pipeline while the client is enabled, counting what it refuses. Split out of {@link ClientCore}.
 */
final class EventCapture {
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

    EventScreen screen() {
        return screen;
    }

    boolean isEnabled() {
        return enabled;
    }

    /** Stops accepting captures (close, a 401); later ones are counted as disabled drops. */
    void disable() {
        enabled = false;
    }

    void setUser(User user) {
        this.user = user;
    }

    User user() {
        return user;
    }

    void captureLog(String level, String message, Map<String, ?> metadata) {
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

    void captureLog(LogEntry entry) {
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
        hand(entry);
    }

    void captureError(Throwable throwable, ErrorContext context) {
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

    void captureEscapedError(Throwable throwable, ErrorContext context) {
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

    /** Captures an error; {@code crumbKey} names the trace whose breadcrumbs it carries (null: none). */
    void captureError(Throwable throwable, String fallbackMessage, Severity level, User user,
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

    boolean enqueue(Encodable item) {
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

    void countDisabledDrop(Feature feature) {
        if (pipeline != null) {
            pipeline.counters(feature).recordDisabledDrop();
        }
    }

    void rejectLocally(Feature feature, String reason) {
        if (pipeline != null) {
            pipeline.counters(feature).recordLocalRejection();
        }
        diagnostics.debug(() -> "rejected locally: " + reason);
    }

    private static String stringOrNull(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
