package dev.seestack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final TestClients fixture = new TestClients();
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

    private long stderrLines(String text) {
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> l.contains(text)).count();
    }

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
        assertEquals(1, stderrLines("[seestack] WARN " + UNAUTHORIZED));
    }

    @Test
    void aFullBufferIsSilentWithoutDebugButAlwaysCounted() {
        try (SeeStackClient client = fixture.client(stub, b -> b.bufferSize(2))) {
            for (int i = 0; i < 10; i++) {
                client.captureLog("info", "m" + i, null);
            }
            assertTrue(client.stats().logs().droppedBufferFull() > 0);
        }
        assertEquals(0, fixture.sink.containing("buffer full").size());
        assertEquals(0, stderrLines("buffer full"));
    }

    @Test
    void aFullBufferIsWarnedOnceInDebugMode() {
        try (SeeStackClient client = fixture.client(stub, b -> b.bufferSize(2).debug(true))) {
            for (int i = 0; i < 50; i++) {
                client.captureLog("info", "m" + i, null);
            }
            assertTrue(client.stats().logs().droppedBufferFull() > 1);
        }
        assertEquals(1, fixture.sink.containing("logs buffer full").size(), fixture.sink.lines().toString());
        assertEquals(1, stderrLines("[seestack] WARN SeeStack SDK: logs buffer full"));
    }

    @Test
    void aMalformedPayloadIsDroppedWithTheDocumentedDebugLine() {
        stub.stub(post(urlPathEqualTo(IngestStub.ERRORS)).atPriority(1).willReturn(aResponse().withStatus(422)));
        try (SeeStackClient client = fixture.client(stub, b -> b.debug(true))) {
            client.captureError(new RuntimeException("rejected"));
            PollUntil.await("rejected", () -> client.stats().errors().rejected() == 1);
        }
        assertEquals(1, stderrLines("[seestack] DEBUG " + MALFORMED));
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains(IngestStub.API_KEY));
    }
}
