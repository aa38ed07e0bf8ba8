package dev.seestack.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One row of {@link CostReport} in a JVM of its own (as a restarted service): builds the contender, sends a
 * "new JVM" phase (the first {@code requests}, CPU counted from before the client was built), a warm-up phase and
 * the measured phase, and prints one {@link CostRow#RESULT} line. The process CPU includes JIT and GC, which the
 * application pays too.
 *
 * <p>Arguments: {@code contender baseUri trustStore|- inFlight requests warmup rate} (rate 0: unpaced).
 */
public final class CostChild {
    private CostChild() {
    }

    public static void main(String[] args) throws Exception {
        LatencyReport.quietLibraryLogs();
        ThreadCensus census = new ThreadCensus();
        long cpu0 = processCpuNanos();
        URI base = URI.create(args[1]);
        Path trust = args[2].equals("-") ? null : Path.of(args[2]);
        long requests = Long.parseLong(args[4]);
        long warmup = Long.parseLong(args[5]);
        int rate = Integer.parseInt(args[6]);
        CostContender contender = CostContender.create(args[0],
                new CostContender.Endpoint(base, trust, Integer.parseInt(args[3])));
        try {
            Tally cold = new Tally();
            contender.deliver(new RequestTickets(requests, rate, census), cold);
            long cpuCold = processCpuNanos() - cpu0;
            int connections = OpenConnections.to(base.getPort());
            if (warmup > 0) {
                contender.deliver(new RequestTickets(warmup, rate, census), new Tally());
            }
            Tally warm = new Tally();
            long cpu1 = processCpuNanos();
            long t1 = System.nanoTime();
            contender.deliver(new RequestTickets(requests, rate, census), warm);
            double seconds = (System.nanoTime() - t1) / 1e9;
            long cpuWarm = processCpuNanos() - cpu1;
            census.sample();
            connections = Math.max(connections, OpenConnections.to(base.getPort()));
            System.out.println(String.format(Locale.ROOT, "%s cold=%d/%d/%d warm=%d/%d/%d seconds=%.3f threads=%d "
                    + "sdkThreads=%d connections=%d", CostRow.RESULT, cpuCold, cold.delivered(), requests, cpuWarm,
                    warm.delivered(), requests, seconds, census.peakAdded(),
                    args[0].equals("sdk") ? census.sdkPeak() : CostRow.NONE, connections));
        } finally {
            contender.close();
        }
        System.exit(0); // a client's non-daemon threads must not keep the row's JVM alive
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
