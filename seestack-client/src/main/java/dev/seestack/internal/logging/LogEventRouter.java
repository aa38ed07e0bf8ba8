package dev.seestack.internal.logging;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.User;
import dev.seestack.internal.ClientCore;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.json.MetadataSanitizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one mapping from a logging framework's event to SeeStack logs and errors, shared by every adapter:
 * thresholds, where {@code traceId}/{@code service}/{@code userId} come from (MDC, then the core's
 * {@link SeeStackContext}, then the configured service), what goes into metadata, and the recursion guard.
 */
public final class LogEventRouter {
    private final AdapterOptions options;
    private final Supplier<SeeStackClient> client;

    /** A router that sends through the process-wide client (the one the {@code SeeStack} facade uses). */
    public LogEventRouter(AdapterOptions options) {
        this(options, ClientRegistry::current);
    }

    public LogEventRouter(AdapterOptions options, Supplier<SeeStackClient> client) {
        this.options = options;
        this.client = client;
    }

    /** Whether an event at this severity could produce anything (cheap pre-check before reading the event). */
    public boolean isRelevant(dev.seestack.internal.event.Severity severity, boolean hasThrowable) {
        return severity.isAtLeast(options.minimumLogLevel())
                || hasThrowable && severity.isAtLeast(options.minimumErrorLevel());
    }

    /** Captures {@code event} as a log and/or an error. Never throws. */
    public void route(FrameworkEvent event) {
        if (RecursionGuard.isSdkRecord(event.loggerName, event.threadName) || !RecursionGuard.enter()) {
            return;
        }
        try {
            SeeStackClient c = client.get();
            if (c == null) {
                return;
            }
            boolean asLog = event.severity.isAtLeast(options.minimumLogLevel());
            boolean asError = event.throwable != null && event.severity.isAtLeast(options.minimumErrorLevel());
            if (!c.isEnabled()) {
                // disabled (401) or closing: count what is discarded without building it
                countDisabledDrops(c.core(), asLog, asError);
            } else if (asLog || asError) {
                dispatch(c.core(), event, asLog, asError);
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

    private void dispatch(ClientCore core, FrameworkEvent e, boolean asLog, boolean asError) {
        Map<String, String> mdc = e.contextData;
        SeeStackContext ctx = SeeStackContext.current();
        String traceId = first(get(mdc, options.traceIdKey()), ctx.traceId(), null);
        String service = first(get(mdc, options.serviceKey()), ctx.service(), options.service());
        String userId = first(get(mdc, options.userIdKey()), ctx.userId(), null);
        if (asLog) {
            Map<String, Object> meta = baseMetadata(e, mdc, userId);
            if (e.throwable != null) {
                meta.put("exceptionClass", e.throwable.getClass().getName());
                String message = MetadataSanitizer.safeMessage(e.throwable);
                if (message != null) {
                    meta.put("exceptionMessage", MetadataSanitizer.truncate(message, MetadataSanitizer.MAX_STRING_CHARS));
                }
            }
            core.captureLog(new LogEntry(e.severity, e.message, service, traceId, meta));
        }
        if (asError) {
            Map<String, Object> meta = baseMetadata(e, mdc, null);
            if (e.message != null) {
                meta.put("message", MetadataSanitizer.truncate(e.message, MetadataSanitizer.MAX_STRING_CHARS));
            }
            if (traceId != null) {
                meta.put("traceId", traceId);
            }
            if (service != null) {
                meta.put("service", service);
            }
            core.captureError(e.throwable, e.message, e.severity, userId == null ? null : User.ofId(userId), meta);
        }
    }

    private Map<String, Object> baseMetadata(FrameworkEvent e, Map<String, String> mdc, String userId) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (e.loggerName != null) {
            meta.put("logger", e.loggerName);
        }
        if (e.threadName != null) {
            meta.put("thread", e.threadName);
        }
        if (userId != null) {
            meta.put("userId", userId);
        }
        if (mdc != null) {
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                String key = entry.getKey();
                if (key == null || key.equals(options.traceIdKey()) || key.equals(options.serviceKey())
                        || key.equals(options.userIdKey())) {
                    continue;
                }
                meta.put(key, MetadataSanitizer.truncate(entry.getValue(), MetadataSanitizer.MAX_STRING_CHARS));
            }
        }
        if (e.keyValues != null) {
            for (Map.Entry<String, ?> entry : e.keyValues.entrySet()) {
                meta.put(String.valueOf(entry.getKey()), MetadataSanitizer.sanitize(entry.getValue()));
            }
        }
        if (e.markers != null && !e.markers.isEmpty()) {
            meta.put("markers", MetadataSanitizer.sanitize(e.markers));
        }
        if (e.extra != null) {
            for (Map.Entry<String, ?> entry : e.extra.entrySet()) {
                if (entry.getValue() != null) {
                    meta.put(entry.getKey(), MetadataSanitizer.sanitize(entry.getValue()));
                }
            }
        }
        return meta;
    }

    private static String get(Map<String, String> map, String key) {
        if (map == null) {
            return null;
        }
        String v = map.get(key);
        return v == null || v.isBlank() ? null : v;
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
