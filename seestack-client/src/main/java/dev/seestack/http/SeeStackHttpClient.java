package dev.seestack.http;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.http.CountingBodyHandler;
import dev.seestack.internal.http.OutboundExchange;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A {@link HttpClient} decorator recording every {@code send}/{@code sendAsync} as an outbound HTTP item
 * (method, host, path without query, status, duration, body sizes; never headers) and adding
 * {@code X-Request-ID} and {@code traceparent} with the current trace id when the caller set neither.
 * Calls to the SeeStack host itself are not recorded. Everything else is delegated unchanged.
 *
 * <pre>{@code
 * HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient());
 * }</pre>
 */
public final class SeeStackHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final Supplier<SeeStackClient> client;

    private SeeStackHttpClient(HttpClient delegate, Supplier<SeeStackClient> client) {
        this.delegate = delegate;
        this.client = client;
    }

    /** Wraps {@code delegate}, recording to the process-wide client ({@code SeeStack.init}) when one exists. */
    public static HttpClient wrap(HttpClient delegate) {
        return new SeeStackHttpClient(require(delegate), ClientRegistry::current);
    }

    /** Wraps {@code delegate}, recording to {@code client}. */
    public static HttpClient wrap(HttpClient delegate, SeeStackClient client) {
        return new SeeStackHttpClient(require(delegate), () -> client);
    }

    private static HttpClient require(HttpClient delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("SeeStack: the HttpClient to wrap must not be null");
        }
        return delegate;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        OutboundExchange exchange = begin(request);
        if (exchange == null) {
            return delegate.send(request, handler);
        }
        HttpRequest actual = withHeaders(request, exchange.headersToAdd());
        CountingBodyHandler<T> counting = new CountingBodyHandler<>(handler);
        try {
            HttpResponse<T> response = delegate.send(actual, counting);
            exchange.finish(response.statusCode(), requestSize(actual), responseSize(response, counting));
            return response;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            exchange.finish(0, requestSize(actual), counting.bytes());
            throw e;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        OutboundExchange exchange = begin(request);
        if (exchange == null) {
            return delegate.sendAsync(request, handler, pushPromiseHandler);
        }
        HttpRequest actual = withHeaders(request, exchange.headersToAdd());
        CountingBodyHandler<T> counting = new CountingBodyHandler<>(handler);
        CompletableFuture<HttpResponse<T>> future = delegate.sendAsync(actual, counting, pushPromiseHandler);
        // record as a side effect and hand back the delegate's own future (cancellation keeps working)
        future.whenComplete((response, failure) -> {
            if (response != null) {
                exchange.finish(response.statusCode(), requestSize(actual), responseSize(response, counting));
            } else {
                exchange.finish(0, requestSize(actual), counting.bytes());
            }
        });
        return future;
    }

    private OutboundExchange begin(HttpRequest request) {
        if (request == null) {
            return null;
        }
        return OutboundExchange.begin(client, request.method(), request.uri(),
                name -> request.headers().firstValue(name).orElse(null));
    }

    private static HttpRequest withHeaders(HttpRequest request, Map<String, String> add) {
        if (add.isEmpty()) {
            return request;
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                    .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()))
                    .expectContinue(request.expectContinue());
            request.timeout().ifPresent(b::timeout);
            request.version().ifPresent(b::version);
            request.headers().map().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
            add.forEach(b::header);
            return b.build();
        } catch (RuntimeException e) {
            return request; // a header the builder refuses: send the caller's request as it was
        }
    }

    private static long requestSize(HttpRequest request) {
        try {
            return request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(0L);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static long responseSize(HttpResponse<?> response, CountingBodyHandler<?> counting) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        return declared >= 0 ? declared : counting.bytes();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    @Override
    public String toString() {
        return "SeeStackHttpClient{" + delegate + "}";
    }
}
