package dev.seestack.internal.delivery;

/**
 * How the SDK treats every backend answer, in one place: status → outcome → counter → warning. The retry
 * delays live in {@link RetryPolicy}, the counting in {@link DeliveryPipeline}; both read their row here.
 *
 * <pre>
 * status        outcome                         counter               warning (stderr + status channel)
 * 2xx           delivered                       sent                  —
 * 3xx           dropped, redirect not followed  rejected              once, with the Location
 * 400, 422, 4xx dropped                         rejected              debug only: malformed payload
 * 401           SDK disabled for the process    rejected              once: invalid API key
 * 403           dropped                         rejected              once: check the key's permissions
 * 404           dropped                         rejected              once per path (heartbeat: per slug)
 * 408, 5xx      retried 1/2/4/8 s, 5 attempts   droppedAfterRetries   the drop report (DropWarnings)
 * 429           retried after Retry-After, 3x   droppedAfterRetries   the drop report (DropWarnings)
 * no answer     as 5xx                          droppedAfterRetries   TLS failures: once, naming the cause
 *               (sent, never answered)          unconfirmed           the drop report (DropWarnings)
 * </pre>
 */
public enum StatusTable {
    DELIVERED("sent", null),
    REDIRECT("rejected", "SeeStack SDK: the backend answered %d redirecting to %s; redirects are not followed for"
            + " POSTs (the API key would travel to another address): set 'host' to the final URL. Dropped."),
    MALFORMED("rejected", "SeeStack SDK: malformed payload — dropping event"),
    UNAUTHORIZED("rejected", "SeeStack SDK: invalid API key — disabling SDK (a wrong path in the 'host' option, such"
            + " as a trailing /api, is also answered 401)"),
    FORBIDDEN("rejected", "SeeStack SDK: the backend answered 403 Forbidden; check the API key's permissions. Items"
            + " answered 403 are dropped."),
    NOT_FOUND("rejected", "SeeStack SDK: the backend answered 404 for %s; dropped, not retried."),
    SERVER_ERROR("droppedAfterRetries", null),
    RATE_LIMITED("droppedAfterRetries", null);

    private final String counter;
    private final String warning;

    StatusTable(String counter, String warning) {
        this.counter = counter;
        this.warning = warning;
    }

    /** The row of an HTTP status. */
    public static StatusTable of(int status) {
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

    /** The {@code stats()} counter items of this row end in (when not retried). */
    public String counter() {
        return counter;
    }

    /** The warning text, formatted with the row's details (Location, path, feature and count). */
    public String warning(Object... details) {
        return warning == null ? null : String.format(warning, details);
    }
}
