package dev.seestack.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.Http2Server;
import dev.seestack.testkit.TestCertificates;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A few hundred requests through each part of the cost harness, so that it cannot rot between full runs. */
@Timeout(180)
class CostReportTest {
    private static final int REQUESTS = 300;

    @Test
    void everyJvmContenderDeliversEachRequestOverHttpAndOverHttps() throws Exception {
        try (CountingServer h1 = CountingServer.start(8); Http2Server h2 = Http2Server.https(false)) {
            for (String name : List.of("jdk", "apache", "netty", "sdk")) {
                assertDeliversAll(name, new CostContender.Endpoint(URI.create(h1.url()), null, 16), h1::requests);
                assertDeliversAll(name, new CostContender.Endpoint(URI.create(h2.host()),
                        TestCertificates.get().trustStore(), 16), h2::requests);
            }
        }
    }

    private static void assertDeliversAll(String name, CostContender.Endpoint endpoint,
            java.util.function.LongSupplier received) throws Exception {
        long before = received.getAsLong();
        Tally tally = new Tally();
        try (CostContender contender = CostContender.create(name, endpoint)) {
            contender.deliver(new RequestTickets(REQUESTS, 0, new ThreadCensus()), tally);
        }
        String what = name + " to " + endpoint.base();
        assertEquals(REQUESTS, tally.delivered(), what);
        assertEquals(0, tally.failed(), what);
        assertEquals(REQUESTS, received.getAsLong() - before, what);
    }

    @Test
    void pacedTicketsAreHandedOutAtTheirRate() {
        RequestTickets tickets = new RequestTickets(50, 1000, new ThreadCensus());
        long start = System.nanoTime();
        int taken = 0;
        while (tickets.take()) {
            taken++;
        }
        assertEquals(50, taken);
        assertTrue(System.nanoTime() - start >= 45_000_000L, "50 tickets at 1000/s take about 49 ms");
    }

    @Test
    void reportRunsEachRowInANewJvmAgainstAServerInItsOwnProcess() throws Exception {
        CostReport.Options options = CostReport.Options.parse("--rows", "wrk,netty,sdk", "--scenarios",
                "loopback-http", "--requests", String.valueOf(REQUESTS), "--warmup", "0", "--wrk-seconds", "1");
        List<CostRow> rows = CostReport.run(options, row -> { });

        assertEquals(3, rows.size());
        for (CostRow row : rows.subList(1, 3)) {
            assertNull(row.note(), row.toString());
            assertEquals(REQUESTS, row.warmDelivered(), row.toString());
            assertEquals(REQUESTS, row.coldDelivered(), row.toString());
            assertTrue(row.warmNanos() > 0 && row.coldNanos() > 0 && row.threads() >= 0, row.toString());
        }
        assertTrue(rows.get(2).sdkThreads() > 0, rows.get(2).toString());
        assertTrue(CostReport.ratios(rows, options.scenarios()).contains("| loopback-http | "));
    }

    @Test
    void parsesTheLineAChildPrints() {
        CostRow row = CostRow.parse("netty", "loopback-http", CostRow.RESULT
                + " cold=3000000/100/100 warm=1000000/100/100 seconds=0.500 threads=1 sdkThreads=-1 connections=64");

        assertEquals(10_000, row.warmNanos());
        assertEquals(30_000, row.coldNanos());
        assertEquals(200, row.perSecond());
        assertEquals("| netty | loopback-http | 10.0 | 30.0 | 200 | 1 | – | 64 | 100/100 (100/100) |",
                row.toString());
    }

    @Test
    void ratiosOfAScenarioUseItsOwnRowsNotThoseOfAScenarioItsNameStartsWith() {
        List<CostRow> rows = List.of(row("Netty", "loopback-https", 20), row("SeeStack", "loopback-https", 40),
                row("Netty", "loopback-http", 10), row("SeeStack", "loopback-http", 12));

        String ratios = CostReport.ratios(rows, List.of("loopback-https", "loopback-http"));

        assertTrue(ratios.contains("| loopback-https | – | 2.00× |"), ratios);
        assertTrue(ratios.contains("| loopback-http | – | 1.20× |"), ratios);
    }

    @Test
    void severalRunsAreSummedUpAsMinimumAndMedianPerRow() {
        assertEquals(3, CostReport.Options.parse("--runs", "3").runs());
        List<CostRow> rows = List.of(row("SeeStack", "loopback-http", 30), row("SeeStack", "loopback-http", 10),
                row("SeeStack", "loopback-http", 20));

        String spread = CostReport.spread(rows, 3);

        assertTrue(spread.contains("| SeeStack | loopback-http | 3/3 | 10.0 | 20.0 | 20.0 | 40.0 |"), spread);
        assertTrue(CostReport.ratios(rows, List.of("loopback-http")).contains("| loopback-http | – | – |"));
    }

    /** A measured row: {@code micros} µs per request warmed, twice that in a new JVM. */
    private static CostRow row(String client, String scenario, int micros) {
        return CostRow.parse(client, scenario, CostRow.RESULT + " cold=" + micros * 2_000 + "/1/1 warm=" + micros * 1_000
                + "/1/1 seconds=1.000 threads=1 sdkThreads=-1 connections=1");
    }
}
