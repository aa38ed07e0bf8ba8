package dev.seestack.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every status lands on its documented row and counter. */
class StatusTableTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "200, DELIVERED, sent", "202, DELIVERED, sent", "204, DELIVERED, sent",
        "301, REDIRECT, rejected", "307, REDIRECT, rejected",
        "400, MALFORMED, rejected", "422, MALFORMED, rejected", "413, MALFORMED, rejected",
        "401, UNAUTHORIZED, rejected", "403, FORBIDDEN, rejected", "404, NOT_FOUND, rejected",
        "408, SERVER_ERROR, droppedAfterRetries", "500, SERVER_ERROR, droppedAfterRetries",
        "503, SERVER_ERROR, droppedAfterRetries", "429, RATE_LIMITED, droppedAfterRetries"
    })
    void eachStatusHasItsRowAndCounter(int status, StatusTable row, String counter) {
        assertEquals(row, StatusTable.of(status));
        assertEquals(counter, StatusTable.of(status).counter());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"301, https://x.example/ingest"})
    void theRedirectWarningNamesStatusAndLocation(int status, String location) {
        assertEquals("SeeStack SDK: the backend answered 301 redirecting to https://x.example/ingest; redirects are"
                + " not followed for POSTs (the API key would travel to another address): set 'host' to the final"
                + " URL. Dropped.", StatusTable.REDIRECT.warning(status, location));
    }
}
