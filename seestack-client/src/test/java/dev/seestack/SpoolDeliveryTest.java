package dev.seestack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the delivery engine spools, decided by the status table, and how spooled items come back. */
@Timeout(60)
class SpoolDeliveryTest {
    private static final long[] BACKOFF = {1000, 2000, 4000, 8000};

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @TempDir
    Path spoolDir;
    private TestClients fixture;
    private SeeStackClient client;

    @BeforeEach
    void reset() {
        fixture = new TestClients();
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        stub.assertAllBodiesValid();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 429})
    void aRequestWhoseRetriesAreSpentIsSpooledAndResentOnceTheBackendAcceptsAgain(int status) {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withStatus(status)));
        client = spooling();
        client.captureLog("error", "kept through the outage", null);
        fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);
        spendRetries(status == 429 ? 4 : 5);

        PollUntil.await("spooled", () -> client.stats().logs().spooled() == 1);
        FeatureStats during = client.stats().logs();
        assertEquals(0, during.droppedAfterRetries(), during.toString());
        assertEquals(0, during.pending(), during.toString());

        stub.acceptAll(); // also forgets the failed attempts
        client.captureLog("info", "the backend is back", null);
        fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);

        PollUntil.await("resent", () -> client.stats().logs().resentFromSpool() == 1
                && client.stats().logs().sent() == 1);
        FeatureStats after = client.stats().logs();
        assertEquals(2, after.captured(), after.toString());
        assertEquals(0, after.pending(), "captured = sent + spooled: " + after);
        assertEquals(1, stub.bodies(IngestStub.LOGS).stream().filter(b -> b.contains("kept through the outage"))
                .count(), "the spooled log arrives once");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void permanentStatusesAreNeverSpooled(int status) {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withStatus(status)
                .withBody("{\"success\":false}")));
        client = spooling();
        client.captureLog("info", "refused for good", null);
        fixture.scheduler.advance(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS);

        PollUntil.await("answered", () -> client.stats().logs().pending() == 0);
        client.close();
        FeatureStats logs = client.stats().logs();
        assertEquals(0, logs.spooled(), logs.toString());
        assertEquals(1, logs.rejected() + logs.droppedDisabled(), logs.toString());
        assertEquals(0, logs.resentFromSpool() + logs.droppedSpoolFull(), logs.toString());
    }

    @Test
    void closingDuringAnOutageSpoolsWhatIsLeftAndTheNextClientSendsIt() {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withStatus(503)));
        client = spooling();
        for (int i = 0; i < 10; i++) {
            client.captureLog("info", "left at close " + i, null);
        }
        client.close();
        FeatureStats closed = client.stats().logs();
        assertEquals(10, closed.spooled(), closed.toString());
        assertEquals(0, closed.pending() + closed.droppedDisabled(), closed.toString());

        stub.acceptAll();
        client = spooling();
        PollUntil.await("resent at the next start", () -> client.stats().logs().resentFromSpool() == 10);
        assertEquals(0, client.stats().logs().captured(), "items of an earlier run are not this run's captures");
        assertTrue(client.flush(Duration.ofSeconds(5)));
    }

    @Test
    void aHealthyBackendWritesNothingToDisk() {
        stub.acceptAll();
        client = spooling();
        for (int i = 0; i < 20; i++) {
            client.captureLog("info", "healthy " + i, null);
        }
        assertTrue(client.flush(Duration.ofSeconds(10)));
        assertEquals(0, client.stats().logs().spooled());
        assertEquals(List.of(), segmentFiles());
    }

    @Test
    void aSpoolDirTheOperatingSystemRejectsTurnsTheSpoolOffWithOneWarningAndTheClientStillWorks() {
        stub.acceptAll();
        client = fixture.client(stub, b -> b.spoolDir("bad\u0000path"));
        client.captureLog("info", "still delivered", null);
        assertTrue(client.flush(Duration.ofSeconds(10)));
        assertEquals(1, client.stats().logs().sent());
        assertEquals(1, fixture.sink.containing("cannot use spoolDir").size(), fixture.sink.lines().toString());
    }

    private SeeStackClient spooling() {
        return fixture.client(stub, b -> b.spoolDir(spoolDir.toString()));
    }

    private void spendRetries(int attempts) {
        for (int n = 1; n < attempts; n++) {
            int sent = n;
            stub.awaitBodies(IngestStub.LOGS, sent);
            PollUntil.await("retry " + sent + " scheduled", () -> fixture.scheduler.pendingOneShots() >= 1);
            fixture.scheduler.advance(BACKOFF[n - 1]);
        }
    }

    private List<Path> segmentFiles() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(spoolDir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).collect(Collectors.toList());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
