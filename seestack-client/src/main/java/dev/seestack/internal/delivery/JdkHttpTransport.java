package dev.seestack.internal.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link Transport} over {@code java.net.http.HttpClient} (HTTP/1.1, keep-alive), with the protocol's
 * timeouts: connect 3 s, whole request 5 s. Its worker threads are the SDK's own daemon threads so that
 * closing releases them.
 */
public final class JdkHttpTransport implements Transport {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_BODY_CHARS_KEPT = 2048;

    private final String host;
    private final String apiKey;
    private final ExecutorService executor;
    private final HttpClient client;

    public JdkHttpTransport(String host, String apiKey) {
        this.host = host;
        this.apiKey = apiKey;
        this.executor = Executors.newCachedThreadPool(new DaemonThreadFactory("http"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public TransportResponse post(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(host + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-SeeStack-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        String responseBody = response.body();
        if (responseBody != null && responseBody.length() > MAX_BODY_CHARS_KEPT) {
            responseBody = responseBody.substring(0, MAX_BODY_CHARS_KEPT);
        }
        return new TransportResponse(response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null), responseBody);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        // HttpClient is AutoCloseable from JDK 21 on; on older JDKs its selector thread ends once unreachable.
        if (client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
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
