package dev.seestack.internal.flags;

import dev.seestack.internal.transport.HttpEngine;
import dev.seestack.internal.transport.TransportResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs flag evaluations from the management API with {@code Authorization: Bearer <flagsToken>} (never the
 * ingest key), waiting on the caller's thread, with connect 3 s / request 5 s deadlines, over the client's shared
 * HTTP engine (same proxy and TLS settings as ingest). Redirects are not followed, so the token never goes to
 * another host.
 */
public final class FlagSource implements FlagLookup {
    public static final Duration CONNECT_TIMEOUT = HttpEngine.CONNECT_TIMEOUT;
    public static final Duration REQUEST_TIMEOUT = HttpEngine.REQUEST_TIMEOUT;

    private static final Duration BACKSTOP = REQUEST_TIMEOUT.plusSeconds(2);

    private final String host;
    private final String token;
    private final HttpEngine engine;

    /** A source over a client's shared HTTP engine; closing the engine fails its waiting request. */
    public FlagSource(String host, String token, HttpEngine engine) {
        this.host = host;
        this.token = token;
        this.engine = engine;
    }

    /** The body of a 2xx answer to {@code GET {host}{pathAndQuery}}; other answers throw {@link StatusException}. */
    @Override
    public String get(String pathAndQuery) throws IOException, InterruptedException {
        TransportResponse response;
        try {
            response = engine.getJson(host + pathAndQuery, token).get(BACKSTOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException ? (IOException) cause : new IOException(String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            throw new IOException("no flags answer within " + BACKSTOP.toMillis() + " ms", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (response.status() < 200 || response.status() >= 300) {
            throw new StatusException(response.status());
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
