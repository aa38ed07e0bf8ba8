package dev.seestack.internal.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One user of an {@link HttpStack} (ingest, feature flags): sends over the shared client and, when closed,
 * fails its own requests still waiting at once, so no SDK thread stays blocked on the network.
 */
public final class HttpChannel implements AutoCloseable {
    private final HttpClient client;
    private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    HttpChannel(HttpClient client) {
        this.client = client;
    }

    /**
     * Sends {@code request} and waits for its response, at most {@code deadline} (a backstop beyond the
     * request's own timeout). Fails with an IOException when the channel is or gets closed.
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Duration deadline)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        waiting.add(result); // before the closed check: close() either is seen here or sees this request
        CompletableFuture<HttpResponse<T>> exchange = null;
        try {
            if (closed) {
                throw new IOException("SeeStack HTTP client is closed");
            }
            exchange = client.sendAsync(request, handler);
            exchange.whenComplete((response, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(response);
                }
            });
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw asIOException(e.getCause());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no response within " + deadline.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            if (exchange != null) {
                exchange.cancel(true);
            }
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | SecurityException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            waiting.remove(result);
        }
    }

    private static IOException asIOException(Throwable cause) {
        Throwable c = cause;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof IOException ? (IOException) c : new IOException(String.valueOf(c), c);
    }

    /** Fails this channel's waiting requests; later sends fail at once. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<?> f : waiting.toArray(new CompletableFuture<?>[0])) {
            f.completeExceptionally(new IOException("SeeStack HTTP client closed"));
        }
    }
}
