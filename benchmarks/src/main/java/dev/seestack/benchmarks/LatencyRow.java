package dev.seestack.benchmarks;

import java.util.Locale;

/**
 * One row of {@link LatencyReport}: a contender delivering an offered rate through an added round trip. Columns
 * a row has no figure for (a peer's drops and SDK threads; process figures of a row run in the report's own JVM)
 * hold {@link #NONE} and print as a dash.
 *
 * @param proto              {@code h1} / {@code h2} (SeeStack over HTTP/1.1 or HTTP/2 over TLS), {@code loki4j},
 *                           {@code sentry}
 * @param jvm                where the client ran: {@code new} (a new JVM, no warm-up), {@code warmed} (a new JVM
 *                           after an unreported warm-up row), {@code same} (the report's JVM)
 * @param rttMs              round trip added by the delay proxy
 * @param offeredPerSecond   logs offered per second
 * @param deliveredPerSecond records the server received per second during the window
 * @param captured           logs the client accepted (peers: logs offered)
 * @param bufferDrops        logs the SDK dropped because its buffer was full
 * @param deliveredPercent   records received after the final flush, % of captured
 * @param cpuNanosPerLog     CPU of the SDK's threads per record received
 * @param processCpuNanosPerLog CPU of the client's whole process (JIT and GC included) per record received
 * @param connections        TCP connections opened through the delay proxy
 * @param threads            SDK threads of the row's client ({@code seestack-*} and {@code HttpClient-*})
 * @param peakThreads        threads at the client process's peak beyond those alive before the row's client
 */
record LatencyRow(String proto, String jvm, long rttMs, int offeredPerSecond, double deliveredPerSecond,
        long captured, long bufferDrops, double deliveredPercent, double cpuNanosPerLog, double processCpuNanosPerLog,
        int connections, int threads, int peakThreads) {
    static final int NONE = -1;

    static final String HEADER = "| contender | JVM | added RTT ms | offered logs/s | delivered logs/s (window) "
            + "| captured | buffer drops | % delivered after flush | SDK threads' CPU µs/log | process CPU µs/log "
            + "| connections | SDK threads | peak threads |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    /** The contender's name in the table. */
    String contender() {
        return switch (proto) {
            case "h1" -> "seestack HTTP/1.1";
            case "h2" -> "seestack HTTP/2 (TLS)";
            default -> proto;
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %d | %s | %.1f | %s | %s | %d | %s | %s |",
                contender(), jvm, rttMs, offeredPerSecond, deliveredPerSecond, captured, orDash(bufferDrops),
                deliveredPercent, CostRow.micros(cpuNanosPerLog), CostRow.micros(processCpuNanosPerLog), connections,
                orDash(threads), orDash(peakThreads));
    }

    private static String orDash(long value) {
        return value < 0 ? "–" : String.valueOf(value);
    }
}
