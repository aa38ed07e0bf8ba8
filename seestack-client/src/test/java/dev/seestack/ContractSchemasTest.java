package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.seestack.testkit.ContractSchemas;
import dev.seestack.testkit.IngestStub;
import org.junit.jupiter.api.Test;

/** The schema check every test relies on must actually reject what the backend rejects. */
class ContractSchemasTest {
    @Test
    void rejectsBodiesTheBackendWouldRefuse() {
        assertFalse(ContractSchemas.errors(IngestStub.LOGS, "{\"level\":\"warning\",\"message\":\"x\"}").isEmpty());
        assertFalse(ContractSchemas.errors(IngestStub.LOGS, "{\"level\":\"info\",\"message\":\"  \"}").isEmpty());
        assertFalse(ContractSchemas.errors(IngestStub.LOGS, "{\"level\":\"info\",\"message\":\"x\",\"extra\":1}").isEmpty());
        assertFalse(ContractSchemas.errors(IngestStub.ERRORS, "{\"message\":\"no class\"}").isEmpty());
        assertFalse(ContractSchemas.errors(IngestStub.HEARTBEAT,
                "{\"slug\":\"Bad Slug\",\"status\":\"success\",\"durationMs\":1}").isEmpty());
        assertFalse(ContractSchemas.errors(IngestStub.LOGS, "not json").isEmpty());
    }

    @Test
    void acceptsWhatTheSdkSends() {
        assertEquals(0, ContractSchemas.errors(IngestStub.LOGS,
                "{\"level\":\"info\",\"message\":\"x\",\"service\":\"s\",\"traceId\":\"t\",\"metadata\":{\"a\":[1]}}").size());
    }
}
