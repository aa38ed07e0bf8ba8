package dev.seestack.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SpoolLocks;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code <spoolDir>} and {@code <spoolMaxBytes>} in a real logback.xml turn the disk spool on. */
class SpoolOptionTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final LogbackContexts logback = LogbackContexts.closingClientAfterEach(stub);

    @Test
    void spoolOptionsInLogbackXmlStartTheSpoolInThatDirectory() throws IOException {
        logback.load("seestack-spool.xml");
        SeeStackConfig config = ClientRegistry.current().config();

        assertEquals("target/spool-logback-test", config.spoolDir());
        assertEquals(1048576, config.spoolMaxBytes());
        Path dir = Paths.get(config.spoolDir());
        PollUntil.await("the spool holds its lock file", () -> SpoolLocks.count(dir) == 1);
    }
}
