package dev.seestack.benchmarks;

import java.util.Locale;

/**
 * One row of {@link LatencyReport}: a contender delivering an offered rate through an added round trip. Columns
 * a peer appender has no figure for (its drops are not counted by the harness, its threads are not the SDK's)
 * hold {@link #NONE} and print as a dash.
 *
 * @param proto            {@code h1} / {@code h2} (SeeStack over HTTP/1.1 or HTTP/2 over TLS), {@code loki4j}, {@code sentry}
 * @param rttMs            round trip added by the delay proxy
 * @param offeredPerSecond logs offered per second
 * @param deliveredPerSecond records the server received per second during the window
 * @param captured         logs the client accepted (peers: logs offered)
 * @param bufferDrops      logs the SDK dropped because its buffer was full
 * @param deliveredPercent records received after the final flush, % of captured
 * @param cpuNanosPerLog   CPU of the SDK's threads per record received
 * @param connections      TCP connections opened through the delay proxy
 * @param threads          SDK threads of the row's client ({@code seestack-*} and {@code HttpClient-*})
 */
record LatencyRow(String proto, long rttMs, int offeredPerSecond, double deliveredPerSecond, long captured,
        long bufferDrops, double deliveredPercent, double cpuNanosPerLog, int connections, int threads) {
    static final int NONE = -1;

    static final String HEADER = "| contender | added RTT ms | offered logs/s | delivered logs/s (window) | captured "
            + "| buffer drops | % delivered after flush | client CPU µs/log | connections | SDK threads |\n"
            + "|---|---|---|---|---|---|---|---|---|---|";

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
        return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %d | %s | %.1f | %s | %d | %s |", contender(), rttMs,
                offeredPerSecond, deliveredPerSecond, captured, orDash(bufferDrops), deliveredPercent,
                cpuNanosPerLog < 0 ? "–" : String.format(Locale.ROOT, "%.1f", cpuNanosPerLog / 1000),
                connections, orDash(threads));
    }

    private static String orDash(long value) {
        return value < 0 ? "–" : String.valueOf(value);
    }
}
