package dev.seestack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.seestack.internal.ClientComponents;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.StderrCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runtime warnings reach stderr once each, whatever the framework's status channel does, with the documented texts. */
@Timeout(30)
class RuntimeWarningsTest {
    private static final String UNAUTHORIZED = "SeeStack SDK: invalid API key — disabling SDK";
    private static final String MALFORMED = "SeeStack SDK: malformed payload — dropping event";

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @RegisterExtension
    final StderrCapture stderr = new StderrCapture();
    private final TestClients fixture = new TestClients();

    @Test
    void theUnauthorizedWarningReachesTheSinkAndStderrOnceWithItsDocumentedTextAndTheWrongPathHint() {
        stub.stub(post(urlPathEqualTo(IngestStub.ERRORS)).atPriority(1).willReturn(aResponse().withStatus(401)));
        try (SeeStackClient client = fixture.client(stub)) {
            client.captureError(new RuntimeException("first"));
            PollUntil.await("SDK disabled", () -> !client.isEnabled());
            client.captureError(new RuntimeException("second"));
            client.flush();
        }

        assertEquals(1, fixture.sink.containing(UNAUTHORIZED).size(), fixture.sink.lines().toString());
        assertTrue(fixture.sink.containing(UNAUTHORIZED).get(0).contains("wrong path in the 'host' option"));
        assertEquals(1, stderr.lines("[seestack] WARN " + UNAUTHORIZED));
    }

    @Test
    void aFullBufferIsWarnedOnceWithoutDebug() {
        try (SeeStackClient client = fixture.client(stub, b -> b.bufferSize(2))) {
            for (int i = 0; i < 50; i++) {
                client.captureLog("info", "m" + i, null);
            }
            assertTrue(client.stats().logs().droppedBufferFull() > 1);
        }
        assertEquals(1, fixture.sink.containing("logs dropped (the buffer was full)").size(),
                fixture.sink.lines().toString());
        assertEquals(1, stderr.lines("[seestack] WARN SeeStack SDK: logs dropped (the buffer was full)"));
    }

    @Test
    void aMalformedPayloadIsDroppedWithTheDocumentedDebugLine() {
        stub.stub(post(urlPathEqualTo(IngestStub.ERRORS)).atPriority(1).willReturn(aResponse().withStatus(422)));
        try (SeeStackClient client = fixture.client(stub, b -> b.debug(true))) {
            client.captureError(new RuntimeException("rejected"));
            PollUntil.await("rejected", () -> client.stats().errors().rejected() == 1);
        }
        assertEquals(1, stderr.lines("[seestack] DEBUG " + MALFORMED));
        assertFalse(stderr.text().contains(IngestStub.API_KEY));
    }

    @Test
    void aTlsFailureIsWarnedOnceOnStderrAndTheEventsAreCounted() {
        WireMockServer untrusted = new WireMockServer(WireMockConfiguration.wireMockConfig().httpDisabled(true)
                .dynamicHttpsPort().bindAddress("127.0.0.1"));
        untrusted.start();
        String host = "https://127.0.0.1:" + untrusted.httpsPort();
        try (SeeStackClient client = dev.seestack.internal.ClientAccess.create(TestClients.config(stub)
                .host(host).build(), ClientComponents.defaults()
                .scheduler(() -> fixture.scheduler).diagnosticSink(fixture.sink).shutdownHook(false))) {
            client.captureError(new RuntimeException("first"));
            client.captureError(new RuntimeException("second"));
            PollUntil.await("both attempted", () -> fixture.sink.containing("cannot connect securely").size() == 1
                    && client.stats().errors().captured() == 2 && stderr.lines("cannot connect securely") == 1);
        } finally {
            untrusted.stop();
        }
        assertEquals(1, fixture.sink.containing("SeeStack SDK: cannot connect securely to " + host + " — untrusted certificate").size(),
                fixture.sink.lines().toString());
        assertEquals(1, stderr.lines("[seestack] WARN SeeStack SDK: cannot connect securely to " + host + " — untrusted certificate"));
    }

    @Test
    void refusingPlainHttpInProductionIsReportedOnStderrOnceEvenWithAFrameworkSink() {
        try (SeeStackClient client = fixture.client(stub, b -> b.host("http://seestack.example.com")
                .environment("prod"))) {
            client.captureError(new RuntimeException("never sent"));
            assertFalse(client.isEnabled());
        }
        assertEquals(1, fixture.sink.containing("refusing to send to plain-HTTP host").size());
        assertEquals(1, stderr.lines("[seestack] ERROR SeeStack SDK: refusing to send to plain-HTTP host"
                + " http://seestack.example.com"));
    }
}
