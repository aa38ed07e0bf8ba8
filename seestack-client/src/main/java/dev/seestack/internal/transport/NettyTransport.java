package dev.seestack.internal.transport;

import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SDK's {@link Transport}: POSTs to the configured host (path prefix kept) with {@code X-SeeStack-Key} over a
 * client's {@link HttpEngine}; HTTP/2 via ALPN over TLS, else HTTP/1.1.
 */
public final class NettyTransport implements Transport {
    public static final Duration REQUEST_TIMEOUT = HttpEngine.REQUEST_TIMEOUT;
    /** Only small error texts are needed from a response; the rest is discarded. */
    static final int MAX_BODY_BYTES_KEPT = 8 * 1024;
    /** Backstop for a blocking {@link #post} (the engine's own deadline fires first). */
    private static final Duration BACKSTOP = REQUEST_TIMEOUT.plusSeconds(2);

    private final Endpoint endpoint;
    private final String[] headers;
    private final HttpEngine engine;
    private final boolean ownsEngine;
    private volatile boolean closed;

    /** A transport with its own engine (JVM default proxy selector and TLS), closed with it. */
    public NettyTransport(String host, String apiKey) {
        this(host, apiKey, new HttpEngine(), true);
    }

    /** A transport over a client's shared {@code engine}, which stays open when the transport closes. */
    public NettyTransport(String host, String apiKey, HttpEngine engine) {
        this(host, apiKey, engine, false);
    }

    /** {@code owns}: whether closing the transport closes the engine too. */
    public NettyTransport(String host, String apiKey, HttpEngine engine, boolean owns) {
        this.endpoint = Endpoint.parse(host);
        this.headers = new String[] {"Content-Type", "application/json", "X-SeeStack-Key", apiKey};
        this.engine = engine;
        this.ownsEngine = owns;
    }

    @Override
    public TransportResponse post(String path, byte[] body) throws IOException, InterruptedException {
        if (engine.runsOn(Thread.currentThread())) {
            throw new IOException("a blocking post on the engine's own thread would wait for itself");
        }
        CompletableFuture<TransportResponse> answer = postAsync(path, body);
        try {
            return answer.get(BACKSTOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException ? (IOException) cause : new IOException(String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + BACKSTOP.toMillis() + " ms", e);
        }
    }

    @Override
    public CompletableFuture<TransportResponse> postAsync(String path, byte[] body) {
        Exchange ex = new Exchange(endpoint, HttpMethod.POST, endpoint.target(path), headers, body, MAX_BODY_BYTES_KEPT);
        if (closed) {
            ex.fail(new IOException("SeeStack HTTP client is closed"));
            return ex.result;
        }
        return engine.send(ex);
    }

    @Override
    public long resends() {
        return engine.resends();
    }

    /** The engine under this transport (connection counts in tests). */
    public HttpEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        closed = true;
        if (ownsEngine) {
            engine.close();
        }
    }

    @Override
    public String toString() {
        return "NettyTransport{" + endpoint + "}";
    }
}
