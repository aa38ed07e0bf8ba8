package dev.seestack.internal.flags;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GETs flag evaluations from the management API with {@code Authorization: Bearer <flagsToken>} (never the
 * ingest key), on the caller's thread, with connect 3 s / request 5 s timeouts. Redirects are not followed,
 * so the token never goes to another host.
 */
public final class FlagSource {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final String token;
    private final HttpClient client;

    public FlagSource(String host, String token) {
        this.host = host;
        this.token = token;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The body of a 2xx answer to {@code GET {host}{pathAndQuery}}; other answers throw {@link StatusException}. */
    public String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(host + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new StatusException(response.statusCode());
        }
        return response.body();
    }

    /** A non-2xx answer. */
    public static final class StatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        StatusException(int status) {
            super("flags API answered " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
