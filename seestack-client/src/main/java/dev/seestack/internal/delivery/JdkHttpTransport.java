package dev.seestack.internal.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final HttpResponse.BodyHandler<String> bodyHandler = BoundedBody.handler(MAX_BODY_BYTES_KEPT);

    /** A transport with its own HTTP client (JVM default proxy selector), closed with it. */
    public JdkHttpTransport(String host, String apiKey) {
        this(host, apiKey, new HttpStack(), true);
    }

    /** A transport over a client's shared {@code stack}; closing it fails its requests, the stack stays open. */
    public JdkHttpTransport(String host, String apiKey, HttpStack stack) {
        this(host, apiKey, stack, false);
    }

    private JdkHttpTransport(String host, String apiKey, HttpStack stack, boolean owns) {
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
            response = channel.send(request, bodyHandler, BACKSTOP);
        } catch (IOException e) {
            throw TlsFailure.classify(host, e);
        }
        return new TransportResponse(response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null), response.body(),
                response.headers().firstValue("Location").orElse(null));
    }

    private HttpRequest.Builder template(String path) {
        return HttpRequest.newBuilder(URI.create(host + path))
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
