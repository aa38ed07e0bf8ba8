package dev.seestack.internal.http;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.ClientAccess;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One outbound call seen by an HTTP-client decorator: decides whether it is recorded, which trace headers
 * to add, and records the outcome. Shared by the JDK, OkHttp and Apache integrations so their rules match.
 */
public final class OutboundExchange {
    private final HttpMonitor monitor;
    private final String method;
    private final String host;
    private final String path;
    private final String traceId;
    /** The trace whose breadcrumbs this call joins: the current trace, else the calling thread. */
    private final String crumbKey = dev.seestack.internal.screen.BreadcrumbTrail.keyOf(TraceIds.current(),
            Thread.currentThread().getName());
    private final String userId = currentUserId();
    private final Map<String, String> headersToAdd;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();

    private OutboundExchange(HttpMonitor monitor, String method, String host, String path, String traceId,
            Map<String, String> headersToAdd) {
        this.monitor = monitor;
        this.method = method;
        this.host = host;
        this.path = path;
        this.traceId = traceId;
        this.headersToAdd = headersToAdd;
    }

    /**
     * Starts an exchange, or returns null when nothing is to be done (no client, a closed client, a call to
     * SeeStack itself, or an internal failure). {@code header} looks up a header the caller already set.
     */
    public static OutboundExchange begin(Supplier<SeeStackClient> client, String method, URI uri,
            Function<String, String> header) {
        HttpMonitor monitor = null;
        try {
            SeeStackClient c = client.get();
            if (c == null || !c.isEnabled() || uri == null) {
                return null;
            }
            monitor = ClientAccess.core(c).httpMonitor();
            if (monitor.isSeeStackHost(uri.getScheme(), uri.getHost(), uri.getPort())) {
                return null;
            }
            Map<String, String> add = new LinkedHashMap<>();
            String callerTraceparent = header.apply(TraceIds.TRACEPARENT_HEADER);
            String callerRequestId = header.apply(TraceIds.REQUEST_ID_HEADER);
            String traceId = TraceIds.fromHeaders(callerTraceparent, callerRequestId);
            if (callerTraceparent == null && callerRequestId == null) {
                traceId = TraceIds.current();
                if (traceId == null) {
                    traceId = TraceIds.newTraceId();
                }
                add.put(TraceIds.REQUEST_ID_HEADER, traceId);
                // an active tracer propagates its own context: a second traceparent would conflict with it
                String traceparent = ActiveTracer.traceId() == null ? TraceIds.traceparentFor(traceId) : null;
                if (traceparent != null) {
                    add.put(TraceIds.TRACEPARENT_HEADER, traceparent);
                }
            }
            String hostName = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
            String host = uri.getPort() > 0 ? hostName + ":" + uri.getPort() : hostName;
            return new OutboundExchange(monitor, method, host, uri.getRawPath(), traceId, add);
        } catch (RuntimeException | LinkageError e) {
            if (monitor != null) {
                monitor.recordInternalFailure(e);
            }
            return null;
        }
    }

    /**
     * Headers to add to the outgoing request ({@code X-Request-ID}, and {@code traceparent} unless a tracer is
     * active); empty if the caller set one.
     */
    public Map<String, String> headersToAdd() {
        return headersToAdd;
    }

    /** The current thread's user id: {@link SeeStackContext} first, then the MDC key {@code userId}. */
    static String currentUserId() {
        String id = SeeStackContext.current().userId();
        return id != null ? id : MdcBridge.get("userId");
    }

    /** Records the call; {@code statusCode} 0 means no response. Sizes: bytes, 0 or negative when unknown. Never throws. */
    public void finish(int statusCode, long requestSize, long responseSize) {
        try {
            long durationMs = (System.nanoTime() - startNanos) / 1_000_000L;
            monitor.capture(HttpRequestEvent.builder()
                    .direction(HttpRequestEvent.Direction.OUTBOUND)
                    .traceId(traceId)
                    .method(method)
                    .host(host)
                    .path(path)
                    .statusCode(statusCode)
                    .durationMs(durationMs)
                    .requestSize(requestSize)
                    .responseSize(responseSize)
                    .userId(userId)
                    .timestamp(start)
                    .build());
            monitor.breadcrumbs().record(crumbKey, dev.seestack.internal.screen.Breadcrumb.http(
                    start.toEpochMilli(), method, path, statusCode, durationMs));
        } catch (RuntimeException | LinkageError e) {
            monitor.recordInternalFailure(e);
        }
    }
}
