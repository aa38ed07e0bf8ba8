package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeeStackHandlerMisconfigurationTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private final RecordingErrorManager errors = new RecordingErrorManager();

    @BeforeEach
    void pointConfigurationsAtStub() {
        JulFixture.exposeStub(stub);
        RecordingHandler.RECORDS.clear();
    }

    @AfterEach
    void resetLogging() {
        LogManager.getLogManager().reset();
    }

    @Test
    void reportsAMissingApiKeyOnceShipsNothingAndLeavesLoggingWorking() {
        assumeTrue(System.getenv("SEESTACK_API_KEY") == null, "SEESTACK_API_KEY would stand in for the missing key");
        SeeStackHandler handler = loadReportingErrors("seestack-logging-missing-key.properties");
        Logger log = Logger.getLogger("app.misconfigured");

        log.info("first");
        log.log(Level.SEVERE, "second", new IllegalStateException("boom"));
        handler.flush();
        handler.close();

        assertEquals(1, errors.messages.size(), "reported once: " + errors.messages);
        String message = errors.messages.get(0);
        assertTrue(message.contains("apiKey") && message.contains("${SEESTACK_TEST_UNDEFINED_VARIABLE}"), message);
        assertEquals(List.of(ErrorManager.OPEN_FAILURE), errors.codes);
        assertEquals(List.of("first", "second"), RecordingHandler.RECORDS.stream()
                .filter(r -> r.getLoggerName().equals("app.misconfigured")).map(r -> r.getMessage()).toList(),
                "the other handler still received every record");
        assertNull(ClientRegistry.current(), "no SDK client was started");
        assertEquals(0, stub.count(IngestStub.LOGS) + stub.count(IngestStub.ERRORS));
    }

    @Test
    void reportsUnusableValuesOnceAndRunsWithTheirDefaults() {
        SeeStackHandler handler = loadReportingErrors("seestack-logging-invalid-values.properties");
        Logger log = Logger.getLogger("app.defaults");

        log.fine("below the default level");
        log.info("at the default level");
        log.info("again");
        handler.flush();

        assertEquals(List.of(ErrorManager.GENERIC_FAILURE), errors.codes);
        String message = errors.messages.get(0);
        assertTrue(message.contains(".level = LOUD")
                && message.contains("'flushIntervalMs' is not a whole number: soon"), message);
        assertEquals(2, stub.count(IngestStub.LOGS), "shipped at the default level INFO");
        handler.close();
        stub.assertAllBodiesValid();
    }

    /** Loads the test configuration {@code resource}; its SeeStack handler reports to {@link #errors}. */
    private SeeStackHandler loadReportingErrors(String resource) {
        JulFixture.readConfiguration(resource);
        SeeStackHandler handler = JulFixture.rootSeeStackHandler();
        handler.setErrorManager(errors);
        return handler;
    }

    /** Collects what the handler reports through JUL's error channel. */
    static final class RecordingErrorManager extends ErrorManager {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<Integer> codes = new CopyOnWriteArrayList<>();

        @Override
        public void error(String msg, Exception ex, int code) {
            messages.add(msg);
            codes.add(code);
        }
    }
}
