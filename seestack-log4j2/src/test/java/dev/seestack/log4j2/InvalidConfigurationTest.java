package dev.seestack.log4j2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LifeCycle;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invalid {@code <SeeStack>} options are WARN statuses on Log4j2's status logger, as in every adapter: an unusable
 * value keeps its default, a missing or invalid apiKey/host leaves the appender inert; the application logs on.
 */
@Timeout(60)
class InvalidConfigurationTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private final List<String> statusWarnings = new CopyOnWriteArrayList<>();
    private final List<String> statusErrors = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            String message = data.getMessage().getFormattedMessage();
            if (data.getLevel().isMoreSpecificThan(Level.ERROR)) {
                statusErrors.add(message);
            } else if (data.getLevel().isMoreSpecificThan(Level.WARN)) {
                statusWarnings.add(message);
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.WARN;
        }

        @Override
        public void close() {
        }
    };
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedByTest(stub);

    @BeforeEach
    void listenToStatusLogger() {
        StatusLogger.getLogger().registerListener(listener);
    }

    @AfterEach
    void stopListening() {
        StatusLogger.getLogger().removeListener(listener);
    }

    @Test
    void reportsMissingApiKeyAndKeepsLogging() {
        assumeTrue(System.getenv("SEESTACK_API_KEY") == null, "SEESTACK_API_KEY would supply the key");
        assertNotStartedAndLoggingContinues("log4j2-seestack-missing-api-key.xml", "'apiKey' is required");
    }

    @Test
    void reportsHostThatIsNotAUrlAndKeepsLogging() {
        assertNotStartedAndLoggingContinues("log4j2-seestack-bad-host.xml", "'host' is not a URL");
    }

    @Test
    void reportsUnresolvedVariableAndKeepsLogging() {
        assertNotStartedAndLoggingContinues("log4j2-seestack-unresolved-variable.xml",
                "'apiKey' refers to an undefined variable (${env:SEESTACK_TEST_UNDEFINED_API_KEY})");
    }

    @Test
    void warnsAboutUnknownLevelNameAndKeepsTheDefaultThreshold() {
        Set<Thread> earlier = SdkThreads.live();
        LoggerContext ctx = log4j.start("log4j2-seestack-unknown-level.xml");

        assertTrue(statusWarnings.stream().anyMatch(m -> m.contains("'minimumLogLevel' is not a level")
                && m.contains("LOUD")), statusWarnings.toString());
        assertEquals(List.of(), statusErrors);
        Logger logger = ctx.getLogger("com.acme.Invalid");
        logger.debug("below the default INFO threshold");
        logger.info("at the default threshold");
        Log4jFixture.flush();

        assertEquals("at the default threshold", Log4jFixture.single(stub, IngestStub.LOGS).get("message"));
        // this test starts a client: later tests count SDK threads, so wait until its threads are gone
        log4j.shutdown();
        PollUntil.await("the client's threads end", () -> SdkThreads.startedSince(earlier).isEmpty());
    }

    private void assertNotStartedAndLoggingContinues(String resource, String expectedProblem) {
        // threads of clients closed by earlier tests may still be finishing; only new ones would be ours
        Set<Thread> earlier = SdkThreads.live();
        LoggerContext ctx = log4j.start(resource);

        assertEquals(LifeCycle.State.STARTED, ctx.getState());
        assertNotNull(ctx.getConfiguration().getAppender("SeeStack"), "the appender exists, inert");
        assertTrue(statusWarnings.stream().anyMatch(m -> m.contains("SeeStack appender 'SeeStack' ships nothing")
                && m.contains(expectedProblem)), statusWarnings.toString());
        // an ERROR status would fail a configuration checked strictly; a config problem never does
        assertEquals(List.of(), statusErrors);

        Logger logger = ctx.getLogger("com.acme.Invalid");
        assertDoesNotThrow(() -> {
            logger.info("still logging");
            logger.error("still failing", new IllegalStateException("boom"));
        });
        assertNull(ClientRegistry.current(), "no client may be started");
        assertEquals(Set.of(), SdkThreads.startedSince(earlier), "no SDK thread may be started");
        assertEquals(0, stub.count(IngestStub.LOGS) + stub.count(IngestStub.ERRORS));
    }
}
