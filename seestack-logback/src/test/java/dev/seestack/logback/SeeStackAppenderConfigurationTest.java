package dev.seestack.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import dev.seestack.SeeStack;
import dev.seestack.testkit.IngestStub;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;

/** Invalid configuration is reported on Logback's status channel and never breaks the application's logging. */
class SeeStackAppenderConfigurationTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final LogbackContexts logback = LogbackContexts.closingClientAfterEach(stub);

    @Test
    void warnsAboutUnknownLevelNameAndKeepsTheDefaultThreshold() {
        LogbackFixture fixture = logback.load("seestack-bad-level.xml");

        List<String> warnings = fixture.context().getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.WARN).map(Status::getMessage).collect(Collectors.toList());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'minimumLogLevel' is not a level (TRACE, DEBUG, INFO, WARN, ERROR, OFF)")
                && w.contains("LOUD")), warnings.toString());
        assertTrue(fixture.seeStackAppender().isStarted());

        Logger log = fixture.logger("com.shop.Checkout");
        log.debug("below the default INFO threshold");
        log.info("at the default threshold");
        LogbackFixture.flush();

        assertEquals("at the default threshold",
                LogbackFixture.json(stub.awaitBodies(IngestStub.LOGS, 1).get(0)).get("message").asText());
        assertEquals(1, stub.count(IngestStub.LOGS));
        stub.assertAllBodiesValid();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "seestack-missing-apikey.xml, option 'apiKey' is required",
        "seestack-crlf-apikey.xml, option 'apiKey' contains a control character (U+000D) at position 4",
        "seestack-bad-host.xml, option 'host' is not a URL: not a url",
        "seestack-undefined-var.xml, option 'host' refers to an undefined variable (UNDEFINED_VAR_IS_UNDEFINED)"
    })
    void reportsInvalidOptionAsStatusWarningAndLeavesAppenderStopped(String resource, String expectedWarning) {
        LogbackFixture fixture = logback.load(resource);

        List<String> warnings = fixture.statusWarnings();
        assertTrue(warnings.stream().anyMatch(e -> e.contains(expectedWarning)), warnings.toString());
        // Spring Boot fails the application's startup on any Logback ERROR status
        assertEquals(List.of(), fixture.statusErrors());
        assertFalse(fixture.seeStackAppender().isStarted());
        assertFalse(SeeStack.isInitialized());

        Logger log = fixture.logger("com.shop.Checkout");
        log.info("still logging");
        log.error("still failing loudly", new IllegalStateException("boom"));

        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> other = (ListAppender<ILoggingEvent>) fixture.context()
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("LIST");
        assertEquals(2, other.list.size(), "the application's other appenders keep receiving events");
        assertTrue(SeeStack.flush(Duration.ofSeconds(1)));
        assertEquals(0, stub.server().getAllServeEvents().size(), "nothing may be sent");
    }
}
