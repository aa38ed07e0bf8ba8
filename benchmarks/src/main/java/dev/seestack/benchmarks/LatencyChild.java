package dev.seestack.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * One {@link LatencyReport} row's client in a JVM of its own, so that a row shows what a freshly started service
 * delivers and what the client costs its process: optionally a warm-up row first (straight to the server, 2000
 * logs/s, a client of its own, unreported), then the row through the delay proxy. Prints {@code ROW} as the row's
 * client starts, {@code WINDOW} as the
 * window closes, then {@link LatencyClient.Figures#line()} and {@code PROCESS <cpuNanos> <peakThreads>}: the
 * process CPU from before the row's client was built to after its flush, and the threads at the process's peak
 * beyond those alive before it.
 *
 * <p>Arguments: {@code proto rowUrl warmUrl proxy|- trustStore|- rate windowMs warmupMs}.
 */
public final class LatencyChild {
    static final String ROW = "ROW";
    static final String WINDOW = "WINDOW";
    static final String PROCESS = "PROCESS";

    private LatencyChild() {
    }

    public static void main(String[] args) throws Exception {
        LatencyReport.quietLibraryLogs();
        String proto = args[0];
        String proxy = args[3].equals("-") ? null : args[3];
        String trust = args[4].equals("-") ? null : args[4];
        long warmupMs = Long.parseLong(args[7]);
        if (warmupMs > 0) {
            LatencyClient.run(proto, args[2], null, trust, 2000, Duration.ofMillis(warmupMs), () -> { });
        }
        System.out.println(ROW); // the server side counts from here, without the warm-up's records
        System.out.flush();
        ThreadCensus census = new ThreadCensus();
        long cpu0 = CostChild.processCpuNanos();
        LatencyClient.Figures figures = LatencyClient.run(proto, args[1], proxy, trust, Integer.parseInt(args[5]),
                Duration.ofMillis(Long.parseLong(args[6])), () -> {
                    System.out.println(WINDOW);
                    System.out.flush();
                });
        long cpu = CostChild.processCpuNanos() - cpu0;
        System.out.println(figures.line());
        System.out.println(String.format(Locale.ROOT, "%s %d %d", PROCESS, cpu, census.peakAdded()));
        System.out.flush();
        System.exit(0);
    }
}
