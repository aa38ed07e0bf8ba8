package dev.seestack.internal.flags;

import dev.seestack.internal.transport.HttpChannel;
import dev.seestack.internal.transport.HttpStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GETs flag evaluations from the management API with {@code Authorization: Bearer <flagsToken>} (never the
 * ingest key), on the caller's thread, with connect 3 s / request 5 s timeouts, over the client's shared HTTP
 * stack (same proxy and TLS settings as ingest). Redirects are not followed, so the token never goes to
 * another host.
 */
public final class FlagSource implements FlagLookup {
    public static final Duration CONNECT_TIMEOUT = HttpStack.CONNECT_TIMEOUT;
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration BACKSTOP = REQUEST_TIMEOUT.plusSeconds(2);

    private final String host;
    private final String token;
    private final HttpChannel channel;

    /** A source over a client's shared HTTP stack; closing the stack fails its waiting request. */
    public FlagSource(String host, String token, HttpChannel channel) {
        this.host = host;
        this.token = token;
        this.channel = channel;
    }

    /** The body of a 2xx answer to {@code GET {host}{pathAndQuery}}; other answers throw {@link StatusException}. */
    @Override
    public String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(host + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = channel.send(request, HttpResponse.BodyHandlers.ofString(), BACKSTOP);
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new StatusException(response.statusCode());
        }
        return response.body();
    }

    /** A non-2xx answer. */
    public static final class StatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        /** A non-2xx {@code status}; public so that an in-memory {@link FlagLookup} can answer 404. */
        public StatusException(int status) {
            super("flags API answered " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
