package dev.seestack.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.RecordingSink;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import dev.seestack.testkit.ContractSchemas;
import dev.seestack.testkit.Http2Server;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP/2 connection's receive window: with HTTP/2's default of 64 KB the server could send only ~200 small
 * answers per round trip, which capped delivery near 3 600 logs/s across 50 ms however many streams it allowed.
 */
@Timeout(60)
class Http2FlowControlTest {
    private static final TestCertificates TLS = TestCertificates.get();
    /** HTTP/2's initial window, which the connection starts with. */
    private static final int DEFAULT_WINDOW = 65_535;

    @Test
    void theClientLetsTheServerSendAMegabyteOfAnswersBeforeItGivesCreditBack() {
        RecordingSink sink = new RecordingSink();
        try (Http2Server server = Http2Server.https();
                SeeStackClient client = ClientAccess.create(SeeStackConfig.builder(n -> null)
                        .apiKey(IngestStub.API_KEY).host(server.host()).environment("test")
                        .trustStore(TLS.trustStore().toString()).trustStorePassword(TestCertificates.PASSWORD).build(),
                        ClientComponents.defaults().diagnosticSink(sink).shutdownHook(false))) {
            for (int i = 0; i < 20; i++) {
                client.captureLog("info", "log " + i, null);
            }
            assertTrue(client.flush(Duration.ofSeconds(30)), client.stats().toString());
            assertEquals(20, server.requests(Http2Server.HTTP_2), server.requestsByProtocol().toString());
            server.received().forEach(r -> ContractSchemas.assertValid(r.path(), r.body()));
            // 20 answers of ~170 bytes at most are uncredited when the last request arrives
            assertTrue(server.connectionSendWindow() > (1 << 20) - 20 * 200,
                    "the server's send window: " + server.connectionSendWindow() + " (default " + DEFAULT_WINDOW + ")");
        }
    }
}
