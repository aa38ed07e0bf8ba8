package dev.seestack.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SpoolLocks;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code spoolDir} and {@code spoolMaxBytes} attributes in a real log4j2.xml turn the disk spool on. */
@Timeout(60)
class SpoolOptionTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedBeforeEach(stub, "log4j2-seestack-spool.xml");

    @Test
    void spoolAttributesStartTheSpoolInThatDirectory() {
        SeeStackConfig config = ClientRegistry.current().config();

        assertEquals("target/spool-log4j2-test", config.spoolDir());
        assertEquals(1048576, config.spoolMaxBytes());
        Path dir = Paths.get(config.spoolDir());
        PollUntil.await("the spool holds its lock file", () -> SpoolLocks.count(dir) == 1);
    }
}
