package dev.seestack.internal.http;

import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.json.BlankText;
import java.time.Instant;

/**
 * When an inbound request started being recorded, and the one place its HTTP item is built when it ends, for the
 * servlet filters and the reactive filter alike: host from the {@code Host} header, else the server's name.
 */
public final class InboundStart {
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();

    /** The item of {@code served}, answered with {@code status}, lasting from this start until now. */
    public HttpRequestEvent item(ServedRequest served, String traceId, int status, String userId) {
        String host = served.header("Host");
        if (BlankText.isBlank(host)) {
            host = served.serverName();
        }
        return HttpRequestEvent.builder()
                .direction(HttpRequestEvent.Direction.INBOUND)
                .traceId(traceId)
                .method(served.method())
                .host(host)
                .path(served.path())
                .statusCode(status)
                .durationMs((System.nanoTime() - startNanos) / 1_000_000L)
                .requestSize(served.requestBytes())
                .responseSize(served.responseBytes())
                .userId(userId)
                .timestamp(start)
                .build();
    }
}
