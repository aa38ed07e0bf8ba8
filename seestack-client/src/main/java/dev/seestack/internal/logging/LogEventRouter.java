package dev.seestack.internal.logging;

import dev.seestack.internal.json.BlankText;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.User;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientCore;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.RequestFailures;
import dev.seestack.internal.http.ActiveTracer;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.screen.Breadcrumb;
import dev.seestack.internal.screen.BreadcrumbTrail;
import java.util.Map;
import java.util.function.Supplier;

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
    private final Supplier<SeeStackClient> client;
    private volatile boolean keepsEventsUntilClient;
    /** The MDC keys routed to fields, shared by every event's snapshot while the options name the same keys. */
    private volatile String[] routedKeys = new String[3];

    /** A router that sends through the process-wide client (the one the {@code SeeStack} facade uses). */
    public LogEventRouter(AdapterOptions options) {
        this(options, ClientRegistry::current);
    }

    public LogEventRouter(AdapterOptions options, Supplier<SeeStackClient> client) {
        this.options = options;
        this.client = client;
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
            SeeStackClient c = client.get();
            if (c == null) {
                if (keepsEventsUntilClient) {
                    PendingEvents.keep(this, event);
                }
                return;
            }
            boolean asLog = event.severity.isAtLeast(options.minimumLogLevel());
            boolean asError = event.throwable != null && event.severity.isAtLeast(options.minimumErrorLevel());
            if (!c.isEnabled()) {
                // disabled (401) or closing: count what is discarded without building it
                countDisabledDrops(ClientAccess.core(c), asLog, asError);
            } else {
                ClientCore core = ClientAccess.core(c);
                boolean asCrumb = core.breadcrumbs().isOn()
                        && event.severity.isAtLeast(options.minimumBreadcrumbLevel());
                if (asLog || asError || asCrumb) {
                    dispatch(core, event, asLog, asError, asCrumb);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // the application's logging call must never fail because of the SDK
        } finally {
            RecursionGuard.exit();
        }
    }

    private static void countDisabledDrops(ClientCore core, boolean asLog, boolean asError) {
        if (asLog) {
            core.countDisabledDrop(Feature.LOGS);
        }
        if (asError) {
            core.countDisabledDrop(Feature.ERRORS);
        }
    }

    private void dispatch(ClientCore core, FrameworkEvent e, boolean asLog, boolean asError, boolean asCrumb) {
        Map<String, String> mdc = e.contextData;
        SeeStackContext ctx = SeeStackContext.current();
        // an exception that escaped a request through a SeeStack filter was captured there as the request's error
        String requestTraceId = e.throwable == null ? null : RequestFailures.find(e.throwable);
        String traceId = first(get(mdc, options.traceIdKey()), get(mdc, ActiveTracer.OTEL_TRACE_KEY), ctx.traceId());
        if (traceId == null) {
            traceId = requestTraceId != null ? requestTraceId : ActiveTracer.currentSpanTraceId();
        }
        String crumbKey = BreadcrumbTrail.keyOf(traceId, e.threadName);
        if (asLog || asError) {
            dispatch(core, e, asLog, asError && requestTraceId == null, ctx, traceId, crumbKey);
        }
        if (asCrumb) {
            // after the error's own capture: an error's breadcrumbs are what came before it
            core.breadcrumbs().record(crumbKey, Breadcrumb.log(e.timestampMs > 0 ? e.timestampMs
                    : System.currentTimeMillis(), e.severity, e.loggerName, e.message));
        }
    }

    private void dispatch(ClientCore core, FrameworkEvent e, boolean asLog, boolean asError, SeeStackContext ctx,
            String traceId, String crumbKey) {
        Map<String, String> mdc = e.contextData;
        String service = first(get(mdc, options.serviceKey()), ctx.service(), options.service());
        if (service == null) {
            service = core.config().service();
        }
        String userId = first(get(mdc, options.userIdKey()), ctx.userId(), null);
        String[] routedKeys = routedKeys();
        Map<String, Object> keyValues = EventMetadata.sanitizeInPlace(e.keyValues, true);
        Object markers = EventMetadata.sanitizedMarkers(e.markers);
        Map<String, Object> extra = EventMetadata.sanitizeInPlace(e.extra, false);
        if (asLog) {
            String exceptionClass = e.throwable == null ? null : e.throwable.getClass().getName();
            String exceptionMessage = e.throwable == null ? null : MetadataSanitizer.safeMessage(e.throwable);
            core.captureLog(new LogEntry(e.severity, e.message, service, traceId, new EventMetadata(e.loggerName,
                    e.threadName, userId, mdc, routedKeys, keyValues, markers, extra,
                    LOG_TAIL_KEYS, exceptionClass, exceptionMessage, null),
                    e.timestampMs > 0 ? e.timestampMs : System.currentTimeMillis()));
        }
        if (asError) {
            core.captureError(e.throwable, e.message, e.severity, userId == null ? null : User.ofId(userId),
                    new EventMetadata(e.loggerName, e.threadName, null, mdc, routedKeys, keyValues, markers, extra,
                            ERROR_TAIL_KEYS, e.message, traceId, service), crumbKey);
        }
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
}
