package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.transport.UnconfirmedDeliveryException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every status and failure lands on its documented row, counter, retry rule and warning. */
class OutcomeTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "200, DELIVERED, SENT, NEVER", "202, DELIVERED, SENT, NEVER", "204, DELIVERED, SENT, NEVER",
        "301, REDIRECT, REJECTED, NEVER", "307, REDIRECT, REJECTED, NEVER",
        "400, MALFORMED, REJECTED, NEVER", "422, MALFORMED, REJECTED, NEVER", "413, MALFORMED, REJECTED, NEVER",
        "401, UNAUTHORIZED, REJECTED, NEVER", "403, FORBIDDEN, REJECTED, NEVER", "404, NOT_FOUND, REJECTED, NEVER",
        "408, SERVER_ERROR, DROPPED_AFTER_RETRIES, BACKOFF", "500, SERVER_ERROR, DROPPED_AFTER_RETRIES, BACKOFF",
        "503, SERVER_ERROR, DROPPED_AFTER_RETRIES, BACKOFF",
        "429, RATE_LIMITED, DROPPED_AFTER_RETRIES, RETRY_AFTER"
    })
    void eachStatusHasItsRowCounterAndRetryRule(int status, Outcome row, Outcome.Counter counter,
            Outcome.Retry retry) {
        assertEquals(row, Outcome.of(status));
        assertEquals(counter, row.counter());
        assertEquals(retry, row.retry());
    }

    @Test
    void failuresWithoutAnAnswerHaveTheirRows() {
        assertEquals(Outcome.NO_ANSWER, Outcome.ofFailure(new CompletionException(new ConnectException("refused"))));
        assertEquals(Outcome.Retry.BACKOFF, Outcome.NO_ANSWER.retry());
        assertEquals(Outcome.INTERRUPTED, Outcome.ofFailure(new InterruptedException()));
        assertEquals(Outcome.Retry.NEVER, Outcome.INTERRUPTED.retry());
        assertEquals(Outcome.Counter.DROPPED_AFTER_RETRIES, Outcome.INTERRUPTED.counter());
        assertEquals(Outcome.NOT_SENT, Outcome.ofFailure(new CompletionException(new IllegalStateException("bug"))));
        assertEquals(Outcome.Counter.REJECTED, Outcome.NOT_SENT.counter());
    }

    @Test
    void onlyARequestThatLeftInFullIsUnconfirmed() {
        assertTrue(Outcome.sentButUnanswered(new CompletionException(new UnconfirmedDeliveryException("lost", null))));
        assertTrue(Outcome.sentButUnanswered(new HttpTimeoutException("no answer")));
        assertFalse(Outcome.sentButUnanswered(new HttpConnectTimeoutException("never connected")));
        assertFalse(Outcome.sentButUnanswered(new IOException("refused")));
    }

    @Test
    void onlyTheDeliveredRowDeliversAndOnlyThe401Disables() {
        for (Outcome o : Outcome.values()) {
            assertEquals(o == Outcome.DELIVERED, o.isDelivered(), o.name());
            assertEquals(o == Outcome.UNAUTHORIZED, o.disables(), o.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"301, https://x.example/ingest"})
    void theRedirectWarningNamesStatusAndLocation(int status, String location) {
        assertEquals("SeeStack SDK: the backend answered 301 redirecting to https://x.example/ingest; redirects are"
                + " not followed for POSTs (the API key would travel to another address): set 'host' to the final"
                + " URL. Dropped.", Outcome.REDIRECT.warning(status, location));
    }

    @Test
    void rowsWarnWithTheirOwnTextAndRetriedRowsLeaveItToTheDropReport() {
        assertEquals("SeeStack SDK: the backend answered 404 for /api/v1/logs (job); dropped, not retried.",
                Outcome.NOT_FOUND.warning("/api/v1/logs (job)"));
        assertTrue(Outcome.UNAUTHORIZED.warning().startsWith("SeeStack SDK: invalid API key — disabling SDK"));
        assertTrue(Outcome.FORBIDDEN.warning().contains("403 Forbidden"));
        assertEquals("SeeStack SDK: malformed payload — dropping event", Outcome.MALFORMED.warning());
        assertNull(Outcome.DELIVERED.warning());
        assertNull(Outcome.SERVER_ERROR.warning());
        assertNull(Outcome.RATE_LIMITED.warning());
        assertNull(Outcome.NO_ANSWER.warning());
    }
}
