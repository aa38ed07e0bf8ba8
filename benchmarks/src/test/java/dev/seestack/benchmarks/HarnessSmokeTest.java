package dev.seestack.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** A few seconds of each harness so the benchmarks cannot rot between full runs. */
@Timeout(120)
class HarnessSmokeTest {
    @Test
    void callerCostBenchmarkRunsAndTheAcceptPathDropsNothing() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(LogbackCallerCostBenchmark.class.getSimpleName() + ".plainMessage$")
                .param("contender", "seestack", "noop")
                .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                .forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(50))
                .measurementIterations(2).measurementTime(TimeValue.milliseconds(50))
                .timeUnit(TimeUnit.NANOSECONDS).shouldFailOnError(true).verbosity(
                        org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                .build()).run();
        assertEquals(2, results.size());
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getScore() > 0);
            assertEquals(0.0, r.getSecondaryResults().get("drops").getScore());
        }
    }

    @Test
    void deliveryHarnessDeliversEveryOfferedLogAtALowRate() throws Exception {
        try (CountingServer server = CountingServer.start(2)) {
            assertTrue(RequestCeiling.measure(server.url(), 2, Duration.ofMillis(300)) > 0);
            DeliveryThroughput.Result r = DeliveryThroughput.run(server, 500, Duration.ofSeconds(1), 4);
            assertEquals(0, r.dropped);
            assertTrue(r.captured >= 400, "captured " + r.captured);
            assertFalse(r.latencyMicros.getTotalCount() == 0);
        }
    }

    @Test
    void latencyReportMeasuresARowForEveryContender() throws Exception {
        LatencyReport.Options options = LatencyReport.Options.parse("1", "--rtt", "0", "--rate", "200",
                "--proto", "h1,h2,loki4j,sentry", "--warmup", "0", "--jvm", "same");
        java.util.List<LatencyRow> rows = LatencyReport.run(options, row -> { });

        assertEquals(java.util.List.of("h1", "h2", "loki4j", "sentry"),
                rows.stream().map(LatencyRow::proto).toList());
        for (LatencyRow row : rows) {
            assertTrue(row.captured() > 0 && row.deliveredPercent() > 0, row.toString());
            assertTrue(row.connections() > 0, row.toString());
        }
        // 200 logs stay under the SDK's release trigger (80 % of the buffer) within the second: they go at the flush
        for (LatencyRow row : rows.subList(0, 2)) {
            assertTrue(row.cpuNanosPerLog() > 0 && row.threads() > 0, row.toString());
        }
    }

    @Test
    void latencyReportRunsARowInANewJvmWithItsProcessFigures() throws Exception {
        LatencyReport.Options options = LatencyReport.Options.parse("1", "--rtt", "0", "--rate", "200",
                "--proto", "h1,loki4j", "--jvm", "new");
        java.util.List<LatencyRow> rows = LatencyReport.run(options, row -> { });

        assertEquals(2, rows.size());
        for (LatencyRow row : rows) {
            assertEquals("new", row.jvm());
            assertTrue(row.deliveredPercent() == 100.0, row.toString());
            assertTrue(row.processCpuNanosPerLog() > 0 && row.peakThreads() >= 0, row.toString());
        }
    }

    @Test
    void peerRecordsCountLokiEntriesAndSentryLogItems() {
        assertEquals(3, PeerRecords.lokiEntries("{\"streams\":[{\"stream\":{\"level\":\"INFO\"},\"values\":"
                + "[[\"1700000000000000001\",\"a [\\\"x\\\"]\"],[\"1700000000000000002\",\"b\"]]},"
                + "{\"stream\":{\"level\":\"WARN\"},\"values\":[[\"1700000000000000003\",\"c\"]]}]}"));
        assertEquals(7, PeerRecords.sentryLogItems("{\"dsn\":\"http://k@h/1\"}\n"
                + "{\"type\":\"log\",\"item_count\":5,\"content_type\":\"application/vnd.sentry.items.log+json\"}\n"
                + "{\"items\":[]}\n{\"type\":\"client_report\",\"item_count\":9}\n{}\n"
                + "{\"type\":\"log\",\"item_count\":2}\n{\"items\":[]}\n"));
    }
}
