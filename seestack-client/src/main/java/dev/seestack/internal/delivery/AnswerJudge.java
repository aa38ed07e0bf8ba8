package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.TlsFailure;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.diag.Diagnostics;
import java.io.IOException;
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
        try {
            if (failure != null) {
                return onFailure(d, failure);
            }
            if (response.status() >= 300 && response.status() < 400) {
                diagnostics.warnOnce("redirect", StatusTable.REDIRECT.warning(response.status(), response.location()));
            }
            RetryDecision decision = retryPolicy.onStatus(d.lane.feature, response.status(), response.retryAfter(),
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
        diagnostics.debug(() -> "  -> network failure " + io);
        return retryPolicy.onNetworkFailure(d.attempts - d.rateLimitRetries);
    }
}
