package dev.seestack.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SDK's one {@link Transport}: {@code java.net.http.HttpClient} (HTTP/2 via ALPN, else HTTP/1.1) through
 * an {@link HttpStack}, with connect 3 s, whole request 5 s and a request template per endpoint.
 */
public final class JdkHttpTransport implements Transport {
    public static final Duration CONNECT_TIMEOUT = HttpStack.CONNECT_TIMEOUT;
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Only small error texts are needed from a response; the rest is discarded. */
    static final int MAX_BODY_BYTES_KEPT = 8 * 1024;
    /** Backstop for a request whose own timeout never fires (a stalled executor). */
    private static final Duration BACKSTOP = REQUEST_TIMEOUT.plusSeconds(2);

    private final String host;
    private final String apiKey;
    private final HttpStack ownStack;
    private final HttpChannel channel;
    private final Map<String, HttpRequest.Builder> templates = new ConcurrentHashMap<>();
    /** Whether any request was answered, so that a kept-alive connection may be pooled. */
    private volatile boolean answeredBefore;
    private final LongAdder resends = new LongAdder();
    private final HttpResponse.BodyHandler<String> bodyHandler = BoundedBody.handler(MAX_BODY_BYTES_KEPT);

    /** A transport with its own HTTP client (JVM default proxy selector), closed with it. */
    public JdkHttpTransport(String host, String apiKey) {
        this(host, apiKey, new HttpStack(), true);
    }

    /** A transport over a client's shared {@code stack}; closing it fails its requests, the stack stays open. */
    public JdkHttpTransport(String host, String apiKey, HttpStack stack) {
        this(host, apiKey, stack, false);
    }

    /** A transport over {@code stack}; {@code owns}: whether closing the transport closes the stack too. */
    public JdkHttpTransport(String host, String apiKey, HttpStack stack, boolean owns) {
        this.host = host;
        this.apiKey = apiKey;
        this.ownStack = owns ? stack : null;
        this.channel = stack.channel();
    }

    @Override
    public TransportResponse post(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = templates.computeIfAbsent(path, this::template).copy()
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = sendResendingOnce(request);
        } catch (IOException e) {
            throw TlsFailure.classify(host, e);
        }
        return new TransportResponse(response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null), response.body(),
                response.headers().firstValue("Location").orElse(null));
    }

    @Override
    public CompletableFuture<TransportResponse> postAsync(String path, byte[] body) {
        HttpRequest request = templates.computeIfAbsent(path, this::template).copy()
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        boolean mayResend = answeredBefore;
        return channel.sendAsync(request, bodyHandler)
                .handle((response, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(response);
                    }
                    IOException io = asIOException(failure);
                    if (mayResend && closedBeforeAnswer(io)) {
                        resends.increment();
                        return channel.sendAsync(request, bodyHandler);
                    }
                    return CompletableFuture.<HttpResponse<String>>failedFuture(io);
                })
                .thenCompose(f -> f)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(TlsFailure.classify(host, asIOException(failure)));
                    }
                    answeredBefore = true;
                    return toResponse(response);
                });
    }

    private static IOException asIOException(Throwable failure) {
        Throwable c = failure;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof IOException ? (IOException) c : new IOException(String.valueOf(c), c);
    }

    private static TransportResponse toResponse(HttpResponse<String> response) {
        return new TransportResponse(response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null), response.body(),
                response.headers().firstValue("Location").orElse(null),
                response.version() == HttpClient.Version.HTTP_2);
    }

    /**
     * A pooled connection the server closed just before our request (HTTP/1.0 servers, idle timeouts) fails
     * with no byte of answer: that is resent once at once, without costing a retry attempt, and counted.
     */
    private HttpResponse<String> sendResendingOnce(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = channel.send(request, bodyHandler, BACKSTOP);
        } catch (IOException e) {
            // before any answer there is no pooled connection to reuse: a fresh one failing is a plain failure
            if (!answeredBefore || !closedBeforeAnswer(e)) {
                throw e;
            }
            resends.increment();
            response = channel.send(request, bodyHandler, BACKSTOP);
        }
        answeredBefore = true;
        return response;
    }

    static boolean closedBeforeAnswer(IOException failure) {
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            // not a reset: that may come mid-answer, and is retried with backoff like any network failure
            if (c instanceof java.io.EOFException || m.contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long resends() {
        return resends.sum();
    }

    private HttpRequest.Builder template(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host + path));
        if (host.regionMatches(true, 0, "http://", 0, 7)) {
            // plain http: no h2c upgrade attempt (an extra round trip, and requests queue behind it); over TLS,
            // ALPN picks HTTP/2 when the server offers it
            b.version(HttpClient.Version.HTTP_1_1);
        }
        return b
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-SeeStack-Key", apiKey);
    }

    @Override
    public void close() {
        channel.close();
        if (ownStack != null) {
            ownStack.close();
        }
    }

    @Override
    public String toString() {
        return "JdkHttpTransport{" + host + "}";
    }
}
