package dev.seestack.internal.http;

import dev.seestack.internal.json.BlankText;
import dev.seestack.ErrorContext;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.http.HttpRequestEvent;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One request passing through {@code SeeStackServletFilter}: sets the trace id in the MDC and
 * {@link SeeStackContext} for the request's duration, counts the body bytes, and records the exchange when
 * the request ends (or, for async requests, when it completes). Every step swallows its own failures.
 */
public final class InboundExchange {
    private static final String USER_ID_MDC_KEY = "userId";

    private final HttpMonitor monitor;
    private final HttpServletRequest request;
    private final CountingRequest countingRequest;
    private final CountingResponse response;
    private final String traceId;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final String previousMdcTraceId;
    private final SeeStackContext.Scope scope;

    private InboundExchange(HttpMonitor monitor, HttpServletRequest request, HttpServletResponse response) {
        this.monitor = monitor;
        this.request = request;
        this.countingRequest = request.getContentLengthLong() < 0 ? new CountingRequest(request) : null;
        this.response = new CountingResponse(response);
        String fromHeaders = TraceIds.fromHeaders(request.getHeader(TraceIds.TRACEPARENT_HEADER),
                request.getHeader(TraceIds.REQUEST_ID_HEADER));
        this.traceId = fromHeaders != null ? fromHeaders : TraceIds.newTraceId();
        this.previousMdcTraceId = MdcBridge.get(TraceIds.MDC_KEY);
        MdcBridge.set(TraceIds.MDC_KEY, traceId);
        this.scope = SeeStackContext.with(traceId, null, null);
    }

    /** Starts recording {@code request}, or returns null (request passed through untouched) when there is no client. */
    public static InboundExchange begin(Supplier<SeeStackClient> client, HttpServletRequest request,
            HttpServletResponse response) {
        HttpMonitor monitor = null;
        try {
            SeeStackClient c = client.get();
            if (c == null || !c.isEnabled()) {
                return null;
            }
            monitor = c.core().httpMonitor();
            return new InboundExchange(monitor, request, response);
        } catch (RuntimeException | LinkageError e) {
            if (monitor != null) {
                monitor.recordInternalFailure(e);
            }
            return null;
        }
    }

    /** The request to pass down the chain (wrapped when its body has to be counted). */
    public HttpServletRequest request() {
        return countingRequest != null ? countingRequest : request;
    }

    /** The response to pass down the chain (wrapped to count body bytes). */
    public HttpServletResponse response() {
        return response;
    }

    public String traceId() {
        return traceId;
    }

    /**
     * Called once the chain returned or threw ({@code failure} non-null: recorded as 500). Restores the MDC
     * and context of the thread in every case.
     */
    public void end(Throwable failure) {
        try {
            String userId = MdcBridge.get(USER_ID_MDC_KEY);
            if (userId == null) {
                userId = SeeStackContext.current().userId();
            }
            if (failure != null) {
                captureEscaped(failure);
            }
            if (failure == null && isAsyncStarted()) {
                String asyncUserId = userId;
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        record(response.getStatus(), asyncUserId);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        // onComplete follows and records the final status
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        // onComplete follows and records the final status
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // a re-dispatch keeps this listener only if re-added; nothing to do
                    }
                });
            } else {
                record(failure != null ? 500 : response.getStatus(), userId);
            }
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        } finally {
            restore();
        }
    }

    /**
     * The exception escaping the chain, as an error of the request: its trace id and user come from the request's
     * context, still in place here; an exception the application already logged is not sent again.
     */
    private void captureEscaped(Throwable failure) {
        try {
            monitor.core().captureEscapedError(failure, ErrorContext.builder()
                    .put("request", request.getMethod() + " " + HttpItem.normalisePath(request.getRequestURI()))
                    .build());
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }

    private boolean isAsyncStarted() {
        try {
            return request.isAsyncStarted();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void record(int status, String userId) {
        try {
            long requestSize = countingRequest != null ? countingRequest.bytesRead() : request.getContentLengthLong();
            String host = request.getHeader("Host");
            if (BlankText.isBlank(host)) {
                host = request.getServerName();
            }
            monitor.capture(HttpRequestEvent.builder()
                    .direction(HttpRequestEvent.Direction.INBOUND)
                    .traceId(traceId)
                    .method(request.getMethod())
                    .host(host)
                    .path(request.getRequestURI())
                    .statusCode(status)
                    .durationMs((System.nanoTime() - startNanos) / 1_000_000L)
                    .requestSize(requestSize)
                    .responseSize(response.bytesWritten())
                    .userId(userId)
                    .timestamp(start)
                    .build());
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }

    private void restore() {
        try {
            scope.close();
        } catch (RuntimeException e) {
            monitor.recordInternalFailure(e);
        }
        MdcBridge.set(TraceIds.MDC_KEY, previousMdcTraceId);
    }
}
