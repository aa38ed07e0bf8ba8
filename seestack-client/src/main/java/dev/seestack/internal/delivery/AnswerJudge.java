package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.TlsFailure;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.transport.UnconfirmedDeliveryException;
import dev.seestack.internal.diag.Diagnostics;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/** Turns one answer (or failure) of a request into its {@link RetryDecision} by the {@link RetryPolicy}. */
final class AnswerJudge {
    private final RetryPolicy retryPolicy;
    private final Diagnostics diagnostics;

    AnswerJudge(RetryPolicy retryPolicy, Diagnostics diagnostics) {
        this.retryPolicy = retryPolicy;
        this.diagnostics = diagnostics;
    }

    /** The outcome of one answer (or failure) of {@code d}; runs on the transport's thread, never throws. */
    RetryDecision decide(Delivery d, TransportResponse response, Throwable failure) {
        d.unconfirmed = false;
        try {
            if (failure != null) {
                return onFailure(d, failure);
            }
            if (response.status() >= 300 && response.status() < 400) {
                diagnostics.warnOnce("redirect", StatusTable.REDIRECT.warning(response.status(), response.location()));
            }
            RetryDecision decision = retryPolicy.onStatus(response.status(), response.retryAfter(),
                    d.attempts, d.rateLimitRetries);
            if (response.status() == 429 && decision.kind() == RetryDecision.Kind.RETRY) {
                d.rateLimitRetries++;
            }
            if (diagnostics.isDebug()) {
                diagnostics.debug(() -> "  -> " + response.status() + " " + decision
                        + (response.body() == null ? "" : " " + response.body()));
            }
            return decision;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return RetryDecision.REJECTED;
        }
    }

    /**
     * Whether the request left in full but no answer came: the transport says so, or the deadline passed after the
     * connection was up (a connect timeout sent nothing).
     */
    static boolean sentButUnanswered(Throwable cause) {
        return cause instanceof UnconfirmedDeliveryException
                || cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
    }

    private RetryDecision onFailure(Delivery d, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof InterruptedException) {
            return RetryDecision.EXHAUSTED;
        }
        if (!(cause instanceof IOException)) {
            Throwable bug = cause;
            diagnostics.debug(() -> "  -> dropped, could not send: " + bug);
            return RetryDecision.REJECTED;
        }
        if (cause instanceof TlsFailure) {
            diagnostics.alertOnce("WARN", "tls", cause.getMessage()); // once per client, also on stderr: its configuration
        }
        Throwable io = cause;
        d.unconfirmed = sentButUnanswered(cause);
        boolean unconfirmed = d.unconfirmed;
        diagnostics.debug(() -> "  -> network failure " + io + (unconfirmed ? " (unconfirmed: it may be stored)" : ""));
        return retryPolicy.onNetworkFailure(d.attempts - d.rateLimitRetries);
    }
}
