package dev.seestack.internal.logging;

import dev.seestack.internal.json.BlankText;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.User;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.EventCapture;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.RequestFailures;
import dev.seestack.internal.http.ActiveTracer;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.screen.Breadcrumb;
import dev.seestack.internal.screen.BreadcrumbTrail;
import java.util.Map;

/**
 * The one mapping from a logging framework's event to SeeStack logs and errors, shared by every adapter:
 * thresholds, where {@code traceId}/{@code service}/{@code userId} come from (MDC, then the core's
 * {@link SeeStackContext}, then the adapter's service, then the client's; a trace id also from the OpenTelemetry
 * agent's MDC {@code trace_id} and, last, the active span, see {@link ActiveTracer}), what goes into metadata, and the
 * recursion guard. A record carrying an exception that escaped a request through a SeeStack servlet filter
 * ({@link RequestFailures}) takes that request's trace id and is sent as a log only: the filter already sent the
 * error.
 */
public final class LogEventRouter {
    private static final String[] LOG_TAIL_KEYS = {"exceptionClass", "exceptionMessage"};
    private static final String[] ERROR_TAIL_KEYS = {"message", "traceId", "service"};
    private final AdapterOptions options;
    private volatile boolean keepsEventsUntilClient;
    /** The client last seen and its capture paths; replaced when the registry names another client. */
    private volatile Resolved resolved;
    /** The MDC keys routed to fields, shared by every event's snapshot while the options name the same keys. */
    private volatile String[] routedKeys = new String[3];

    /** A router that sends through the process-wide client (the one the {@code SeeStack} facade uses). */
    public LogEventRouter(AdapterOptions options) {
        this.options = options;
    }

    /**
     * Makes this router keep relevant events in {@link PendingEvents} while no client exists, instead of
     * discarding them (adapters that wait for a client started in code).
     */
    public LogEventRouter keepEventsUntilClient() {
        this.keepsEventsUntilClient = true;
        return this;
    }

    /** Whether an event at this severity could produce anything (cheap pre-check before reading the event). */
    public boolean isRelevant(dev.seestack.internal.event.Severity severity, boolean hasThrowable) {
        return severity.isAtLeast(options.minimumLogLevel())
                || hasThrowable && severity.isAtLeast(options.minimumErrorLevel())
                || severity.isAtLeast(options.minimumBreadcrumbLevel());
    }

    /** Captures {@code event} as a log and/or an error. Never throws. */
    public void route(FrameworkEvent event) {
        if (RecursionGuard.isSdkRecord(event.loggerName, event.threadName) || !RecursionGuard.enter()) {
            return;
        }
        try {
            EventCapture capture = currentCapture();
            if (capture == null) {
                if (keepsEventsUntilClient) {
                    PendingEvents.keep(this, event);
                }
                return;
            }
            boolean asLog = event.severity.isAtLeast(options.minimumLogLevel());
            boolean asError = event.throwable != null && event.severity.isAtLeast(options.minimumErrorLevel());
            if (capture.isEnabled()) {
                dispatch(capture, event, asLog, asError);
            } else {
                // disabled (401) or closing: count what is discarded without building it
                countDisabledDrops(capture, asLog, asError);
            }
        } catch (RuntimeException | LinkageError e) {
            // the application's logging call must never fail because of the SDK
        } finally {
            RecursionGuard.exit();
        }
    }

    /** The capture paths of the current client, looked up again only when the client changed; null without one. */
    private EventCapture currentCapture() {
        SeeStackClient c = ClientRegistry.current();
        Resolved r = resolved;
        if (c == null) {
            if (r != null) {
                resolved = null; // a closed client's buffers are not kept reachable from here
            }
            return null;
        }
        if (r == null || r.client != c) {
            r = new Resolved(c, ClientAccess.capture(c));
            resolved = r;
        }
        return r.capture;
    }

    private static void countDisabledDrops(EventCapture capture, boolean asLog, boolean asError) {
        if (asLog) {
            capture.countDisabledDrop(Feature.LOGS);
        }
        if (asError) {
            capture.countDisabledDrop(Feature.ERRORS);
        }
    }

    private void dispatch(EventCapture capture, FrameworkEvent e, boolean asLog, boolean asError) {
        boolean asCrumb = capture.breadcrumbs().isOn() && e.severity.isAtLeast(options.minimumBreadcrumbLevel());
        if (!asLog && !asError && !asCrumb) {
            return;
        }
        Map<String, String> mdc = e.contextData;
        SeeStackContext ctx = SeeStackContext.current();
        // an exception that escaped a request through a SeeStack filter was captured there as the request's error
        String requestTraceId = e.throwable == null ? null : RequestFailures.find(e.throwable);
        String traceId = traceId(mdc, ctx, requestTraceId);
        String crumbKey = BreadcrumbTrail.keyOf(traceId, e.threadName);
        if (asLog || asError) {
            String service = first(get(mdc, options.serviceKey()), ctx.service(), options.service());
            if (service == null) {
                service = capture.clientService();
            }
            String userId = first(get(mdc, options.userIdKey()), ctx.userId(), null);
            String[] routedKeys = routedKeys();
            Map<String, Object> keyValues = EventMetadata.sanitizeInPlace(e.keyValues, true);
            Object markers = EventMetadata.sanitizedMarkers(e.markers);
            Map<String, Object> extra = EventMetadata.sanitizeInPlace(e.extra, false);
            if (asLog) {
                capture.captureLog(new LogEntry(e.severity, e.message, service, traceId, new EventMetadata(
                        e.loggerName, e.threadName, userId, mdc, routedKeys, keyValues, markers, extra, LOG_TAIL_KEYS,
                        e.throwable == null ? null : e.throwable.getClass().getName(),
                        e.throwable == null ? null : MetadataSanitizer.safeMessage(e.throwable), null),
                        e.timestampMs > 0 ? e.timestampMs : System.currentTimeMillis()));
            }
            if (asError && requestTraceId == null) {
                capture.captureError(e.throwable, e.message, e.severity, userId == null ? null : User.ofId(userId),
                        new EventMetadata(e.loggerName, e.threadName, null, mdc, routedKeys, keyValues, markers, extra,
                                ERROR_TAIL_KEYS, e.message, traceId, service), crumbKey);
            }
        }
        if (asCrumb) {
            // after the error's own capture: an error's breadcrumbs are what came before it
            capture.breadcrumbs().record(crumbKey, Breadcrumb.log(e.timestampMs > 0 ? e.timestampMs
                    : System.currentTimeMillis(), e.severity, e.loggerName, e.message));
        }
    }

    /** The first of: MDC {@code traceIdKey}, the OpenTelemetry agent's MDC key, the context, the request, the span. */
    private String traceId(Map<String, String> mdc, SeeStackContext ctx, String requestTraceId) {
        String traceId = first(get(mdc, options.traceIdKey()), get(mdc, ActiveTracer.OTEL_TRACE_KEY), ctx.traceId());
        if (traceId != null) {
            return traceId;
        }
        return requestTraceId != null ? requestTraceId : ActiveTracer.currentSpanTraceId();
    }

    private String[] routedKeys() {
        String[] keys = routedKeys;
        String traceIdKey = options.traceIdKey();
        String serviceKey = options.serviceKey();
        String userIdKey = options.userIdKey();
        if (keys[0] != traceIdKey || keys[1] != serviceKey || keys[2] != userIdKey) {
            keys = new String[] {traceIdKey, serviceKey, userIdKey};
            routedKeys = keys;
        }
        return keys;
    }

    private static String get(Map<String, String> map, String key) {
        if (map == null) {
            return null;
        }
        String v = map.get(key);
        return BlankText.isBlank(v) ? null : v;
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    /** A client and its capture paths, swapped as one so a reader never pairs one client with another's capture. */
    private static final class Resolved {
        final SeeStackClient client;
        final EventCapture capture;

        Resolved(SeeStackClient client, EventCapture capture) {
            this.client = client;
            this.capture = capture;
        }
    }
}
