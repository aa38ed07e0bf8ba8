package dev.seestack.spring.boot.internal;

import dev.seestack.ErrorContext;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.http.ActiveTracer;
import dev.seestack.internal.http.HttpMonitor;
import dev.seestack.internal.http.InboundStart;
import dev.seestack.internal.http.MdcBridge;
import dev.seestack.internal.http.TraceIds;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * One request passing through {@link ReactiveInboundFilter}. Follows the servlet integration's rules (trace id
 * of a tracer active on the filter's thread, e.g. the OpenTelemetry agent's, else from {@code traceparent}, then
 * {@code X-Request-ID}, else generated; path without query; host from the
 * {@code Host} header, else the server's; never headers) but is bound to the exchange, not to a thread: a reactive
 * request starts and ends on different threads. Every step swallows its own failures.
 */
final class ReactiveInboundExchange {
    /** Exchange attribute naming the request's authenticated user (set by {@link ReactivePrincipalUserFilter}). */
    static final String USER_ID_ATTRIBUTE = ReactiveInboundExchange.class.getName() + ".userId";

    private final HttpMonitor monitor;
    private final ServedExchange served;
    private final String traceId;
    private final InboundStart start = new InboundStart();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Throwable failure;

    private ReactiveInboundExchange(HttpMonitor monitor, ServedExchange served) {
        this.monitor = monitor;
        this.served = served;
        String tracers = ActiveTracer.traceId();
        String fromHeaders = tracers != null ? tracers : TraceIds.fromHeaders(
                served.header(TraceIds.TRACEPARENT_HEADER), served.header(TraceIds.REQUEST_ID_HEADER));
        this.traceId = fromHeaders != null ? fromHeaders : TraceIds.newTraceId();
    }

    /** Starts recording {@code exchange}, or returns null (passed through untouched) when disabled or failing. */
    static ReactiveInboundExchange begin(SeeStackClient client, ServerWebExchange exchange) {
        HttpMonitor monitor = null;
        try {
            if (client == null || !client.isEnabled()) {
                return null;
            }
            monitor = ClientAccess.core(client).httpMonitor();
            return new ReactiveInboundExchange(monitor, new ServedExchange(exchange));
        } catch (RuntimeException | LinkageError e) {
            if (monitor != null) {
                monitor.recordInternalFailure(e);
            }
            return null;
        }
    }

    String traceId() {
        return traceId;
    }

    /** The exchange to pass down the chain: its request and response count their body bytes. */
    ServerWebExchange chainExchange() {
        return served.chainExchange();
    }

    /**
     * The handler failed: remembered for the item's status, and captured as an error of the request (with its
     * trace id and user) unless {@code capture} is off or it stands for a client error (an {@link ErrorResponse} below 500). An exception the
     * application already logged is not sent again, and Boot's error handler logging it later is no second copy.
     */
    void failed(Throwable error, boolean capture) {
        failure = error;
        deferToErrorPage();
        try {
            if (!capture || statusOf(error) < 500) {
                return;
            }
            String userId = userId();
            String previousTrace = MdcBridge.get(TraceIds.MDC_KEY);
            MdcBridge.set(TraceIds.MDC_KEY, traceId);
            try (SeeStackContext.Scope scope = SeeStackContext.with(traceId, null, userId)) {
                monitor.captureEscapedError(error, ErrorContext.builder()
                        .put("request", served.method() + " " + served.path())
                        .build());
            } finally {
                MdcBridge.set(TraceIds.MDC_KEY, previousTrace);
            }
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }

    /**
     * Records the item once, when the handler completed, failed or was cancelled (the client went away); a failure
     * Boot's error handler renders was handed to the exchange's completion instead (see {@link #failed}).
     */
    void end(boolean cancelled) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            Throwable error = failure;
            int status = error != null ? statusOf(error) : served.status();
            monitor.capture(start.item(served, traceId, status, userId()));
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }

    /**
     * Hands the recording of a failed request to the exchange's completion, before the error travels on to Boot's
     * error handler (which may complete the exchange at once), so the item has the page's status and bytes.
     */
    private void deferToErrorPage() {
        try {
            CompletionTrackingResponse tracked = CompletionTrackingResponse.of(served.originalResponse());
            if (tracked != null && !ended.get() && tracked.whenComplete(() -> recordErrorPage(tracked))) {
                ended.set(true);
            }
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }

    private void recordErrorPage(CompletionTrackingResponse tracked) {
        try {
            monitor.capture(start.item(served.withResponse(served.status(), tracked.bytesWritten()), traceId,
                    served.status(), userId()));
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }

    private String userId() {
        Object user = served.attribute(USER_ID_ATTRIBUTE);
        return user instanceof String ? (String) user : null;
    }

    /** The status Spring's error handling answers {@code error} with: its own for an ErrorResponse, else 500. */
    private static int statusOf(Throwable error) {
        try {
            if (error instanceof ErrorResponse) {
                return ((ErrorResponse) error).getStatusCode().value();
            }
        } catch (RuntimeException | LinkageError e) {
            return 500;
        }
        return 500;
    }
}
