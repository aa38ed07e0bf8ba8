package dev.seestack.internal.transport;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
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
    /** Null: {@code client.sendAsync}; else its blocking sends on pooled threads. */
    private final BlockingSends blockingSends;
    /** Each waiting request's own future, with the client's exchange behind it (null until started). */
    private final Map<CompletableFuture<?>, CompletableFuture<?>> waiting = new ConcurrentHashMap<>();
    private volatile boolean closed;

    HttpChannel(HttpClient client, BlockingSends blockingSends) {
        this.client = client;
        this.blockingSends = blockingSends;
    }

    /**
     * Sends {@code request} and waits for its response, at most {@code deadline} (a backstop beyond the
     * request's own timeout). Fails with an IOException when the channel is or gets closed.
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Duration deadline)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        waiting.put(result, result); // before the closed check: close() either is seen here or sees this request
        CompletableFuture<HttpResponse<T>> exchange = null;
        try {
            if (closed) {
                throw new IOException("SeeStack HTTP client is closed");
            }
            exchange = start(request, handler, true);
            waiting.replace(result, exchange);
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

    /**
     * Sends {@code request} without waiting: the future completes on the client's threads (at the latest at the
     * request's own timeout), and fails with an IOException when the channel is or gets closed.
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        waiting.put(result, result);
        if (closed) {
            result.completeExceptionally(new IOException("SeeStack HTTP client is closed"));
            waiting.remove(result);
            return result;
        }
        try {
            CompletableFuture<HttpResponse<T>> exchange = start(request, handler, false);
            waiting.replace(result, exchange);
            if (closed) {
                exchange.cancel(true); // closed while starting: close() may have missed this exchange
            }
            exchange.whenComplete((response, failure) -> {
                waiting.remove(result);
                if (failure != null) {
                    result.completeExceptionally(asIOException(failure));
                } else {
                    result.complete(response);
                }
            });
            // no orTimeout backstop here: its JDK-wide timer thread would keep the context (and class loader) of
            // the first caller forever; the request's own timeout, enforced by the client, and close() bound it
        } catch (IllegalArgumentException | IllegalStateException | SecurityException e) {
            waiting.remove(result);
            result.completeExceptionally(new IOException(e.getMessage(), e));
        }
        return result;
    }

    /** {@code callerWaits}: the calling thread blocks on the answer (see {@link BlockingSends#sendAsync}). */
    private <T> CompletableFuture<HttpResponse<T>> start(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            boolean callerWaits) {
        return blockingSends != null ? blockingSends.sendAsync(request, handler, callerWaits)
                : client.sendAsync(request, handler);
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
        for (Map.Entry<CompletableFuture<?>, CompletableFuture<?>> e : waiting.entrySet()) {
            e.getKey().completeExceptionally(new IOException("SeeStack HTTP client closed"));
            // ends the exchange too: the client counts it as pending (and stays alive) until it ends
            e.getValue().cancel(true);
        }
        waiting.clear();
    }
}
