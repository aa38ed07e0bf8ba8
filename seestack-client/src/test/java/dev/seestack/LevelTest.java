package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.testkit.IngestStub;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link Level} overloads send the same level names as their {@code String} counterparts. */
class LevelTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);

    @Test
    void aLogCapturedWithALevelIsSentWithItsWireName() {
        sdk.client().captureLog(Level.WARN, "disk almost full", null);
        sdk.client().flush();

        Map<String, Object> log = FeatureFixtures.object(stub.awaitBodies(IngestStub.LOGS, 1).get(0));
        assertEquals("warn", log.get("level"));
        assertEquals("disk almost full", log.get("message"));
    }

    @Test
    void anErrorContextWithALevelSendsThatLevel() {
        sdk.client().captureError(new IllegalStateException("ledger corrupt"),
                ErrorContext.builder().level(Level.FATAL).build());
        sdk.client().flush();

        Map<String, Object> error = FeatureFixtures.object(stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
        assertEquals("fatal", error.get("level"));
    }
}
