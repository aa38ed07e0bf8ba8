package dev.seestack.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Log4j2 starts a new configuration before stopping the old one; the shared client must survive that. */
@Timeout(90)
class ReconfigurationTest {
    private static final int RECONFIGURATIONS = 10;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedByTest(stub);

    @Test
    void reconfiguringTenTimesKeepsOneClientAndLeavesNoExtraThreads() throws URISyntaxException {
        // threads of clients closed by earlier tests may still be finishing: compare thread identities
        Set<Thread> baseline = SdkThreads.live();
        LoggerContext ctx = log4j.start("log4j2-seestack.xml");
        ctx.getLogger("com.acme.Reload").info("before reconfiguration");
        stub.awaitBodies(IngestStub.LOGS, 1);
        SeeStackClient client = ClientRegistry.current();
        Set<Thread> running = SdkThreads.live();
        URI config = getClass().getClassLoader().getResource("log4j2-seestack.xml").toURI();

        for (int i = 0; i < RECONFIGURATIONS; i++) {
            Configuration previous = ctx.getConfiguration();
            Configurator.reconfigure(config);
            assertNotSame(previous, ctx.getConfiguration(), "a new configuration is in place");
            assertFalse(previous.getAppender("SeeStack").isStarted(), "the old appender is stopped");
            ctx.getLogger("com.acme.Reload").info("after reconfiguration {}", i);
        }

        Set<String> messages = Log4jFixture.parseAll(stub.awaitBodies(IngestStub.LOGS, RECONFIGURATIONS + 1))
                .stream().map(log -> (String) log.get("message")).collect(Collectors.toSet());
        assertEquals(RECONFIGURATIONS + 1, messages.size(), messages.toString());
        assertSame(client, ClientRegistry.current(), "the shared client survives reconfiguration");
        PollUntil.await(Duration.ofSeconds(20), "no SDK threads beyond the running client's (extra: "
                + SdkThreads.startedSince(running) + ")",
                () -> SdkThreads.startedSince(running).isEmpty());
        stub.assertAllBodiesValid();

        log4j.shutdown();
        assertNull(ClientRegistry.current(), "stopping the last appender closes the client");
        PollUntil.await(Duration.ofSeconds(20), "SDK threads back to baseline (extra: "
                + SdkThreads.startedSince(baseline) + ")",
                () -> SdkThreads.startedSince(baseline).isEmpty());
    }
}
