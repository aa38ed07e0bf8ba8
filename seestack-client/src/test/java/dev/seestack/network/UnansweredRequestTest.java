package dev.seestack.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.ClientStats;
import dev.seestack.FeatureStats;
import dev.seestack.RecordingSink;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import dev.seestack.testkit.ContractSchemas;
import dev.seestack.testkit.IngestStub;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that reads a request in full and closes the connection without answering (a crash or a reset after the
 * body was read): the request may have been stored, so whatever sent it again is counted — by the engine as a
 * connection resend or by the pipeline as a retry after an unconfirmed attempt — and no copy is invisible.
 */
@Timeout(120)
class UnansweredRequestTest {
    @Test
    void everyCopyARequestReadButNeverAnsweredLeavesAtTheBackendIsCounted() {
        int logs = 30;
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger closedUnanswered = new AtomicInteger();
        // the first request is answered (so a pooled connection exists); then every third is read and not answered
        try (ScriptedHttpServer backend = ScriptedHttpServer.onLoopback(r -> {
            if (seen.getAndIncrement() % 3 == 2) {
                closedUnanswered.incrementAndGet();
                return ScriptedHttpServer.Answer.thenClose("");
            }
            return ScriptedHttpServer.Answer.keepOpen("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        })) {
            SeeStackClient client = ClientAccess.create(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY)
                    .host("http://127.0.0.1:" + backend.port()).environment("test").build(),
                    ClientComponents.defaults().diagnosticSink(new RecordingSink()).shutdownHook(false));
            try {
                for (int i = 0; i < logs; i++) {
                    client.captureLog("info", "log " + i, null);
                    assertTrue(client.flush(Duration.ofSeconds(30)), client.stats().toString());
                }
                ClientStats stats = client.stats();
                FeatureStats sent = stats.logs();
                assertEquals(logs, sent.sent(), stats.toString());
                assertEquals(0, sent.pending());
                Set<String> distinct = new HashSet<>();
                for (ScriptedHttpServer.Request r : backend.requests()) {
                    ContractSchemas.assertValid(IngestStub.LOGS, r.body());
                    distinct.add(r.body());
                }
                assertEquals(logs, distinct.size(), "every log stored");
                int extraCopies = backend.requests().size() - logs;
                assertTrue(closedUnanswered.get() > 0);
                assertEquals(closedUnanswered.get(), extraCopies, "each unanswered request was sent once more");
                assertEquals(extraCopies, stats.connectionResends() + sent.resentUnconfirmed(),
                        "every extra copy the backend holds is visible in stats(): " + stats);
            } finally {
                client.close();
            }
        }
    }
}
