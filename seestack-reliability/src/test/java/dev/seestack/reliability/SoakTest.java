package dev.seestack.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.reliability.LoggingApp.Framework;
import dev.seestack.testkit.IngestStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Only with {@code -Psoak}: 8 threads log at a steady rate for {@code reliability.loadSeconds} (30 s there)
 * against a backend that answers every third request 503. Nothing is delivered twice, nothing is lost but the
 * rare event whose five attempts all meet a 503, and the counters account for every call.
 */
@Tag("soak")
@Timeout(600)
class SoakTest {
    private static final long SECONDS = Long.getLong("reliability.loadSeconds", 2);
    private static final int THREADS = 8;
    /** Per thread: 8 × 50/s = 400 events/s, well within what the senders deliver, so nothing is evicted. */
    private static final long EVENTS_PER_SECOND = 50;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @ParameterizedTest
    @EnumSource(Framework.class)
    void steadyLoggingAgainstABackendFailingEveryThirdRequestDeliversEachEventOnce(Framework framework)
            throws Exception {
        String[] states = {Scenario.STARTED, "second", "third"};
        for (int i = 0; i < states.length; i++) {
            stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).inScenario("every third")
                    .whenScenarioStateIs(states[i]).willSetStateTo(states[(i + 1) % states.length])
                    .willReturn(i == 2 ? aResponse().withStatus(503) : aResponse().withStatus(202)));
        }
        LoggingApp app = LoggingApp.start(framework, stub.host());
        SeeStackClient client = app.client();
        Thread[] loggers = new Thread[THREADS];
        long[] counts = new long[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            loggers[t] = new Thread(() -> {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
                long period = TimeUnit.SECONDS.toNanos(1) / EVENTS_PER_SECOND;
                for (long next = System.nanoTime(); next < end; next += period) {
                    app.info("soak " + id + "-" + counts[id]++);
                    long wait = next + period - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait); // pacing, not waiting for a condition
                    }
                }
            }, "soak-logger-" + t);
            loggers[t].start();
        }
        for (Thread t : loggers) {
            t.join(TimeUnit.SECONDS.toMillis(SECONDS + 60));
        }
        long total = java.util.Arrays.stream(counts).sum();
        assertTrue(client.flush(Duration.ofSeconds(60)), client.stats().toString());
        app.close();

        FeatureStats logs = client.stats().logs();
        System.out.printf("SOAK %s: %d events in %d s, %s%n", framework, total, SECONDS, logs);
        Accounting.assertSettled(logs, total);
        List<String> delivered = Served.awaitAccepted(stub, IngestStub.LOGS, logs.sent());
        assertEquals(logs.sent(), delivered.size(), "sent = requests the backend accepted");
        assertEquals(Map.of(), Served.duplicates(delivered), "no event arrived twice");
        // an event whose five attempts all meet the 503 (about 1 in 250 here) is given up on; nothing else is lost
        assertEquals(0, logs.rejected() + logs.droppedDisabled(), logs.toString());
        assertTrue(logs.droppedAfterRetries() <= total / 50, "retries rescue nearly every event: " + logs);
    }
}
