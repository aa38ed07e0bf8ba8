package dev.seestack.internal.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The SDK's one {@link Transport}: {@code java.net.http.HttpClient} (HTTP/2 via ALPN, else HTTP/1.1) with
 * connect 3 s, whole request 5 s, the JVM's default proxy selector, and daemon {@code seestack-http-*} threads.
 */
public final class JdkHttpTransport implements Transport {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Only small error texts are needed from a response; the rest is discarded. */
    static final int MAX_BODY_BYTES_KEPT = 8 * 1024;

    private final String host;
    private final String apiKey;
    private final ExecutorService executor;
    private volatile HttpClient client;
    private final Map<String, HttpRequest.Builder> templates = new ConcurrentHashMap<>();

    public JdkHttpTransport(String host, String apiKey) {
        this.host = host;
        this.apiKey = apiKey;
        this.executor = Executors.newCachedThreadPool(new DaemonThreadFactory("http"));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.client = builder.build();
    }

    @Override
    public TransportResponse post(String path, byte[] body) throws IOException, InterruptedException {
        HttpClient current = client;
        if (current == null) {
            throw new IOException("SeeStack transport is closed");
        }
        HttpRequest request = templates.computeIfAbsent(path, this::template).copy()
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response = current.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String responseBody;
        try (InputStream in = response.body()) {
            responseBody = new String(in.readNBytes(MAX_BODY_BYTES_KEPT), StandardCharsets.UTF_8);
        }
        return new TransportResponse(response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null), responseBody);
    }

    private HttpRequest.Builder template(String path) {
        return HttpRequest.newBuilder(URI.create(host + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-SeeStack-Key", apiKey);
    }

    @Override
    public void close() {
        HttpClient closing = client;
        client = null;
        executor.shutdownNow();
        // HttpClient is AutoCloseable from JDK 21 on; on older JDKs its selector thread ends once unreachable.
        if (closing instanceof AutoCloseable) {
            try {
                ((AutoCloseable) closing).close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Override
    public String toString() {
        return "JdkHttpTransport{" + host + "}";
    }
}
