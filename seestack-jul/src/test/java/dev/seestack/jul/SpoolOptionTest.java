package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SpoolLocks;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code spoolDir} and {@code spoolMaxBytes} in a real logging.properties turn the disk spool on. */
@Timeout(60)
class SpoolOptionTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @AfterEach
    void resetLogging() {
        LogManager.getLogManager().reset();
    }

    @Test
    void spoolPropertiesStartTheSpoolInThatDirectory() {
        JulFixture.exposeStub(stub);
        JulFixture.readConfiguration("seestack-logging-spool.properties");
        Logger.getLogger("app.spool").info("starts the handler");
        SeeStackClient client = ClientRegistry.current();
        SeeStackConfig config = client.config();

        assertEquals("target/spool-jul-test", config.spoolDir());
        assertEquals(1048576, config.spoolMaxBytes());
        Path dir = Paths.get(config.spoolDir());
        PollUntil.await("the spool holds its lock file", () -> SpoolLocks.count(dir) == 1);
    }
}
