package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.StderrCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code debug} on, payloads and counters go to stderr, and the API key never does. */
@Timeout(30)
class DebugOutputTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @RegisterExtension
    final StderrCapture stderr = new StderrCapture();

    @Test
    void printsPayloadsAndChangedCountersButNeverTheKey() {
        TestClients fixture = new TestClients();
        try (SeeStackClient client = fixture.client(stub, b -> b.debug(true))) {
            client.captureLog("info", "visible in debug", null);
            fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);
            PollUntil.await("payload printed", () -> stderr.text().contains("POST /ingest/v1/logs attempt 1 "
                    + "{\"level\":\"info\",\"message\":\"visible in debug\",\"metadata\":{\"timestamp\":\""));
            PollUntil.await("sent", () -> client.stats().logs().sent() == 1);
            fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);
            PollUntil.await("stats printed", () -> stderr.text().contains("SeeStack SDK stats: ClientStats{errors="));
        }
        assertTrue(stderr.text().contains("apiKey=[REDACTED]"), stderr.text());
        assertFalse(stderr.text().contains(IngestStub.API_KEY), stderr.text());
    }

    @Test
    void printsTheSpoolCountersAndBacklogWhenTheSpoolIsOn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        stub.stub(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(IngestStub.LOGS)).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        TestClients fixture = new TestClients();
        try (SeeStackClient client = fixture.client(stub, b -> b.debug(true).spoolDir(dir.toString()))) {
            client.captureLog("info", "spooled in debug", null);
            fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);
            for (long backoff : new long[] {1000, 2000, 4000, 8000}) {
                PollUntil.await("retry scheduled", () -> fixture.scheduler.pendingOneShots() >= 1);
                fixture.scheduler.advance(backoff);
            }
            PollUntil.await("spooled", () -> client.stats().logs().spooled() == 1);
            PollUntil.await("on disk", () -> {
                fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);
                return stderr.text().contains("spoolBacklog={errors=0, logs=1, httpRequests=0, heartbeats=0}");
            });
            assertTrue(stderr.text().contains("spooled=1, resentFromSpool=0, rejectedFromSpool=0, droppedSpoolFull=0"),
                    stderr.text());
        } finally {
            stub.acceptAll();
        }
    }
}
