package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Stream;
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
        PollUntil.await("the spool holds its lock file", () -> lockFiles(dir) == 1);
    }

    private static long lockFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".lock")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
