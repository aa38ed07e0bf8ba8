package dev.seestack.internal.transport;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one request body to the SeeStack backend and reports the status. The pipeline calls it from its own
 * sender threads, never from the application's; {@link #postAsync} lets a transport keep many requests in
 * flight without a thread each.
 */
public interface Transport extends AutoCloseable {
    /** POSTs {@code body} (JSON) to {@code path} below the configured host. */
    TransportResponse post(String path, byte[] body) throws IOException, InterruptedException;

    /**
     * Like {@link #post} but completes later, on the transport's own threads, failing with an IOException. The
     * default runs {@link #post} on the calling thread (for simple and test transports).
     */
    default CompletableFuture<TransportResponse> postAsync(String path, byte[] body) {
        CompletableFuture<TransportResponse> result = new CompletableFuture<>();
        try {
            result.complete(post(path, body));
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Requests resent at once because a pooled connection closed before any answer (not retry attempts, so
     * not in any outcome counter): shown by {@code stats()} so that no send is invisible.
     */
    default long resends() {
        return 0;
    }

    /** Releases connections and threads; further posts fail. */
    @Override
    void close();
}
