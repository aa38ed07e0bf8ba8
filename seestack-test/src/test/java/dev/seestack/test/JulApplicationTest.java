package dev.seestack.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.seestack.testkit.ContractSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A java.util.logging application configured by its logging.properties delivers to memory as well. */
@ExtendWith(SeeStackExtension.class)
class JulApplicationTest {
    @BeforeAll
    static void readTheApplicationsLoggingProperties() throws IOException {
        try (InputStream in = JulApplicationTest.class.getResourceAsStream("/jul-app-logging.properties")) {
            assertNotNull(in);
            LogManager.getLogManager().readConfiguration(in);
        }
    }

    @AfterAll
    static void resetJul() {
        LogManager.getLogManager().reset();
    }

    @Test
    void aSevereRecordWithAThrowableIsAnError(InMemorySeeStack seeStack) {
        Logger.getLogger("billing").log(Level.SEVERE, "refund failed", new IllegalStateException("ledger closed"));

        List<CapturedError> errors = seeStack.errors();
        assertEquals(1, errors.size(), seeStack.toString());
        assertEquals("java.lang.IllegalStateException", errors.get(0).exceptionClass());
        assertEquals("ledger closed", errors.get(0).message());
        ContractSchemas.assertValid(InMemorySeeStack.ERRORS, errors.get(0).json());
    }
}
