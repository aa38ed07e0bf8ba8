package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code debug} on, payloads and counters go to stderr, and the API key never does. */
@Timeout(30)
class DebugOutputTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsPayloadsAndChangedCountersButNeverTheKey() {
        TestClients fixture = new TestClients();
        try (SeeStackClient client = fixture.client(stub, b -> b.debug(true))) {
            client.captureLog("info", "visible in debug", null);
            fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);
            PollUntil.await("payload printed", () -> stderr().contains("POST /ingest/v1/logs attempt 1 "
                    + "{\"level\":\"info\",\"message\":\"visible in debug\",\"metadata\":{\"timestamp\":\""));
            PollUntil.await("sent", () -> client.stats().logs().sent() == 1);
            fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);
            PollUntil.await("stats printed", () -> stderr().contains("SeeStack SDK stats: ClientStats{errors="));
        }
        assertTrue(stderr().contains("apiKey=[REDACTED]"), stderr());
        assertFalse(stderr().contains(IngestStub.API_KEY), stderr());
    }
}
