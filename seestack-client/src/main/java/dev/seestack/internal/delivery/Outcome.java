package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.TlsFailure;
import dev.seestack.internal.transport.UnconfirmedDeliveryException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/**
 * How the SDK treats every backend answer or failure, in one table read by the senders, the {@link RetryPolicy},
 * the spool's resender, the counting and the warnings: status → outcome → counter → retry rule → warning.
 *
 * <pre>
 * status        outcome                         counter               retry rule     warning (stderr + status)
 * 2xx           delivered                       sent                  never          —
 * 3xx           dropped, redirect not followed  rejected              never          once, with the Location
 * 400, 422, 4xx dropped                         rejected              never          debug only: malformed
 * 401           SDK disabled for the process    rejected              never          once: invalid API key
 * 403           dropped                         rejected              never          once: check the permissions
 * 404           dropped                         rejected              never          once per path (or slug)
 * 408, 5xx      retried 1/2/4/8 s, 5 attempts   droppedAfterRetries   backoff        the drop report
 * 429           retried after Retry-After, 3x   droppedAfterRetries   Retry-After    the drop report
 * no answer     as 5xx                          droppedAfterRetries   backoff        TLS failures: once
 *               (sent, never answered)          unconfirmed                          the drop report
 * interrupted   given up (the stop cut it)      droppedAfterRetries   never          —
 * not sent      dropped (encoding/engine bug)   rejected              never          debug only
 * </pre>
 */
public enum Outcome {
    DELIVERED(Counter.SENT, Retry.NEVER, null),
    REDIRECT(Counter.REJECTED, Retry.NEVER, "SeeStack SDK: the backend answered %d redirecting to %s; redirects are"
            + " not followed for POSTs (the API key would travel to another address): set 'host' to the final URL."
            + " Dropped."),
    MALFORMED(Counter.REJECTED, Retry.NEVER, "SeeStack SDK: malformed payload — dropping event"),
    UNAUTHORIZED(Counter.REJECTED, Retry.NEVER, "SeeStack SDK: invalid API key — disabling SDK (a wrong path in the"
            + " 'host' option, such as a trailing /api, is also answered 401)"),
    FORBIDDEN(Counter.REJECTED, Retry.NEVER, "SeeStack SDK: the backend answered 403 Forbidden; check the API key's"
            + " permissions. Items answered 403 are dropped."),
    NOT_FOUND(Counter.REJECTED, Retry.NEVER, "SeeStack SDK: the backend answered 404 for %s; dropped, not retried."),
    SERVER_ERROR(Counter.DROPPED_AFTER_RETRIES, Retry.BACKOFF, null),
    RATE_LIMITED(Counter.DROPPED_AFTER_RETRIES, Retry.RETRY_AFTER, null),
    /** No answer: refused, reset, timed out, TLS failed. */
    NO_ANSWER(Counter.DROPPED_AFTER_RETRIES, Retry.BACKOFF, null),
    /** The sender was interrupted (by the stop): given up at once. */
    INTERRUPTED(Counter.DROPPED_AFTER_RETRIES, Retry.NEVER, null),
    /** Encoding or the engine failed with something other than an I/O error: never looped on. */
    NOT_SENT(Counter.REJECTED, Retry.NEVER, "  -> dropped, could not send: %s");

    /** The {@code stats()} counter an item of a row ends in when it is not retried (or its retries are spent). */
    public enum Counter { SENT, REJECTED, DROPPED_AFTER_RETRIES }

    /** How a row is retried; the delays are the {@link RetryPolicy}'s. */
    public enum Retry { NEVER, BACKOFF, RETRY_AFTER }

    private final Counter counter;
    private final Retry retry;
    private final String warning;

    Outcome(Counter counter, Retry retry, String warning) {
        this.counter = counter;
        this.retry = retry;
        this.warning = warning;
    }

    /** The row of an HTTP status. */
    public static Outcome of(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status >= 300 && status < 400) {
            return REDIRECT;
        }
        switch (status) {
            case 401:
                return UNAUTHORIZED;
            case 403:
                return FORBIDDEN;
            case 404:
                return NOT_FOUND;
            case 408:
                return SERVER_ERROR;
            case 429:
                return RATE_LIMITED;
            default:
                return status >= 500 ? SERVER_ERROR : MALFORMED;
        }
    }

    /** The row of a request that failed without an answer; {@code failure} may be wrapped in a CompletionException. */
    public static Outcome ofFailure(Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause instanceof InterruptedException) {
            return INTERRUPTED;
        }
        return cause instanceof IOException ? NO_ANSWER : NOT_SENT;
    }

    /** {@code failure} without its CompletionException wrappers. */
    public static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Whether a TLS failure caused {@code failure}: its message is then warned once per client. */
    public static boolean isTlsFailure(Throwable failure) {
        return rootCause(failure) instanceof TlsFailure;
    }

    /**
     * Whether the request left in full but no answer came: the transport says so, or the deadline passed after the
     * connection was up (a connect timeout sent nothing).
     */
    public static boolean sentButUnanswered(Throwable failure) {
        Throwable cause = rootCause(failure);
        return cause instanceof UnconfirmedDeliveryException
                || cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
    }

    /** The counter items of this row end in when not retried. */
    public Counter counter() {
        return counter;
    }

    /** How this row is retried. */
    public Retry retry() {
        return retry;
    }

    /** Whether the backend accepted the request. */
    public boolean isDelivered() {
        return this == DELIVERED;
    }

    /** Whether this answer disables the SDK for the process (a 401). */
    public boolean disables() {
        return this == UNAUTHORIZED;
    }

    /** The warning text, formatted with the row's details (Location, path, failure); null for a row without one. */
    public String warning(Object... details) {
        return warning == null ? null : String.format(warning, details);
    }
}
