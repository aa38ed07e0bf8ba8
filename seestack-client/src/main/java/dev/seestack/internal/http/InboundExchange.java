package dev.seestack.internal.http;

import dev.seestack.ErrorContext;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.event.RequestFailures;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request passing through a server integration (the Jakarta and javax servlet filters): adopts the trace id
 * of an active tracer ({@link ActiveTracer}) or else takes or generates its own and sets it in the MDC, and sets
 * it in {@link SeeStackContext}, for the request's duration and records the exchange when the
 * request ends (or, for async requests, when it completes). The rules live here so every servlet flavour
 * follows them; the integrations only adapt their API. Every step swallows its own failures.
 */
public final class InboundExchange {
    private static final String USER_ID_MDC_KEY = "userId";

    private final HttpMonitor monitor;
    private final String traceId;
    /** Whether the trace id is an active tracer's, which owns the MDC entry: the SDK then never writes it. */
    private final boolean tracerOwned;
    private final InboundStart start = new InboundStart();
    private final String previousMdcTraceId;
    private final SeeStackContext.Scope scope;
    private final InboundExchange enclosing;
    private final Thread thread = Thread.currentThread();
    private final AtomicBoolean deferredDone = new AtomicBoolean();
    private volatile ServedRequest deferredServed;
    private volatile boolean deferredFailed;
    private volatile String deferredUserId;
    private volatile String identifiedUserId;
    private static final ThreadLocal<InboundExchange> CURRENT = new ThreadLocal<>();

    private InboundExchange(HttpMonitor monitor, Function<String, String> header) {
        this.monitor = monitor;
        String tracers = ActiveTracer.traceId();
        this.tracerOwned = tracers != null;
        this.traceId = tracerOwned ? tracers : ownTraceId(header);
        this.previousMdcTraceId = MdcBridge.get(TraceIds.MDC_KEY);
        if (!tracerOwned) {
            MdcBridge.set(TraceIds.MDC_KEY, traceId);
        }
        this.scope = SeeStackContext.with(traceId, null, null);
        this.enclosing = CURRENT.get();
        CURRENT.set(this);
    }

    /** The request's own trace id, without a tracer: {@code traceparent}, then {@code X-Request-ID}, else a new one. */
    static String ownTraceId(Function<String, String> header) {
        String fromHeaders = TraceIds.fromHeaders(header.apply(TraceIds.TRACEPARENT_HEADER),
                header.apply(TraceIds.REQUEST_ID_HEADER));
        return fromHeaders != null ? fromHeaders : TraceIds.newTraceId();
    }

    /**
     * Names the user of the request being served on this thread (e.g. from the authenticated principal); it is
     * recorded on the request's HTTP item even if the application clears its MDC {@code userId} before the
     * request ends. A no-op outside a recorded request.
     */
    public static void identifyUser(String userId) {
        InboundExchange current = CURRENT.get();
        if (current != null && userId != null && !userId.isBlank()) {
            current.identifiedUserId = userId;
        }
    }

    /**
     * Starts recording a request whose headers {@code header} looks up, or returns null (request passed
     * through untouched) when there is no enabled client or starting failed.
     */
    public static InboundExchange begin(Supplier<SeeStackClient> client, Function<String, String> header) {
        HttpMonitor monitor = null;
        try {
            SeeStackClient c = client.get();
            if (c == null || !c.isEnabled()) {
                return null;
            }
            monitor = ClientAccess.core(c).httpMonitor();
            return new InboundExchange(monitor, header);
        } catch (RuntimeException | LinkageError e) {
            if (monitor != null) {
                monitor.recordInternalFailure(e);
            }
            return null;
        }
    }

    public String traceId() {
        return traceId;
    }

    /**
     * Called once the chain returned or threw ({@code failure} non-null: recorded as 500). When the request
     * went async ({@code onAsyncComplete} non-null and no failure), the integration is handed the recording
     * to run when the request completes. Restores the MDC and context of the thread in every case.
     */
    public void end(ServedRequest served, Throwable failure, Consumer<Runnable> onAsyncComplete) {
        try {
            String userId = userIdOf();
            if (failure != null) {
                captureEscaped(served, failure);
            }
            String asyncUserId = userId;
            if (failure == null && onAsyncComplete != null) {
                onAsyncComplete.accept(() -> record(served, served.status(), asyncUserId));
            } else {
                record(served, failure != null ? 500 : served.status(), userId);
            }
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        } finally {
            restore();
        }
    }

    /**
     * Called instead of {@link #end} when the container will render an error page for the request (an escaped
     * {@code failure}, or an error status sent): captures the escaped exception now, and keeps the request's trace
     * id in {@link SeeStackContext} (and the MDC, unless a tracer owns it) so the container's own log line of the
     * exception carries it. {@link #completeDeferred} records the item with the final status, sizes and duration.
     */
    public void defer(ServedRequest served, Throwable failure) {
        try {
            deferredUserId = userIdOf();
            deferredFailed = failure != null;
            deferredServed = served;
            if (failure != null) {
                captureEscaped(served, failure);
            }
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        } finally {
            popCurrent();
        }
    }

    /**
     * Records a {@link #defer deferred} request once its error page was rendered (or the container finished it
     * without one), then releases the context it kept; only the first call counts.
     */
    public void completeDeferred() {
        ServedRequest served = deferredServed;
        if (served == null || !deferredDone.compareAndSet(false, true)) {
            return;
        }
        try {
            int status = served.status();
            record(served, deferredFailed && status < 400 ? 500 : status, deferredUserId);
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        } finally {
            if (Thread.currentThread() == thread) {
                releaseContext();
            }
        }
    }

    /**
     * The exception escaping the chain, as an error of the request: its trace id and user come from the request's
     * context, still in place here; an exception the application already logged is not sent again. It is remembered
     * with the trace id, so the container's own log of it, written after the filter returned, is not a second error.
     */
    private void captureEscaped(ServedRequest served, Throwable failure) {
        try {
            monitor.captureEscapedError(failure, ErrorContext.builder()
                    .put("request", served.method() + " " + HttpItem.normalisePath(served.path()))
                    .build());
            RequestFailures.remember(failure, traceId);
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }

    private void record(ServedRequest served, int status, String userId) {
        try {
            monitor.capture(start.item(served, traceId, status, userId));
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }

    private String userIdOf() {
        String userId = identifiedUserId != null ? identifiedUserId : MdcBridge.get(USER_ID_MDC_KEY);
        return userId != null ? userId : SeeStackContext.current().userId();
    }

    private void restore() {
        popCurrent();
        releaseContext();
    }

    private void popCurrent() {
        if (CURRENT.get() == this) {
            if (enclosing == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(enclosing);
            }
        }
    }

    private void releaseContext() {
        try {
            scope.close();
        } catch (RuntimeException e) {
            monitor.recordInternalFailure(e);
        }
        if (!tracerOwned) {
            MdcBridge.set(TraceIds.MDC_KEY, previousMdcTraceId);
        }
    }
}
