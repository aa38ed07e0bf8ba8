package dev.seestack.benchmarks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One row of {@link CostReport}: a client in a scenario. CPU figures are nanoseconds of process CPU per delivered
 * request, warmed (the measured phase) and from a new JVM (the first requests, client construction included);
 * {@link #NONE} where a figure does not apply (wrk has no new-JVM phase, threads or SDK threads), and a note
 * instead of figures when the row could not run.
 */
record CostRow(String client, String scenario, double warmNanos, double coldNanos, double perSecond, int threads,
        int sdkThreads, int connections, long warmDelivered, long warmOffered, long coldDelivered, long coldOffered,
        String note) {
    static final int NONE = -1;
    /** The prefix of the line {@link CostChild} prints. */
    static final String RESULT = "RESULT";

    static String header(long warmup) {
        return "| client | scenario | CPU µs/request (warmed: after " + warmup + ") | CPU µs/request (new JVM) "
                + "| requests/s | peak threads | SDK threads | connections | delivered/offered (new JVM) |\n"
                + "|---|---|---|---|---|---|---|---|---|";
    }

    static CostRow note(String client, String scenario, String note) {
        return new CostRow(client, scenario, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, note);
    }

    static CostRow wrk(String client, String scenario, double nanosPerRequest, double perSecond, long delivered,
            long offered, int connections) {
        return new CostRow(client, scenario, nanosPerRequest, NONE, perSecond, 1, NONE, connections, delivered,
                offered, NONE, NONE, null);
    }

    /** The row of {@link CostChild}'s {@code RESULT cold=cpu/delivered/offered warm=... seconds= ...} line. */
    static CostRow parse(String client, String scenario, String line) {
        Map<String, String> f = new HashMap<>();
        for (String pair : line.substring(RESULT.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            f.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        long[] cold = longs(f.get("cold"));
        long[] warm = longs(f.get("warm"));
        double seconds = Double.parseDouble(f.get("seconds"));
        return new CostRow(client, scenario, perRequest(warm), perRequest(cold), warm[1] / seconds,
                Integer.parseInt(f.get("threads")), Integer.parseInt(f.get("sdkThreads")),
                Integer.parseInt(f.get("connections")), warm[1], warm[2], cold[1], cold[2], null);
    }

    private static long[] longs(String slashed) {
        String[] parts = slashed.split("/");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    private static double perRequest(long[] cpuDeliveredOffered) {
        return cpuDeliveredOffered[1] == 0 ? NONE : (double) cpuDeliveredOffered[0] / cpuDeliveredOffered[1];
    }

    @Override
    public String toString() {
        if (note != null) {
            return "| " + client + " | " + scenario + " | " + note + " | | | | | | |";
        }
        String delivered = warmDelivered + "/" + warmOffered
                + (coldOffered == NONE ? "" : " (" + coldDelivered + "/" + coldOffered + ")");
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %s | %s | %s | %s |", client, scenario,
                micros(warmNanos), micros(coldNanos), perSecond, dash(threads), dash(sdkThreads), dash(connections),
                delivered);
    }

    static String micros(double nanos) {
        return nanos < 0 ? "–" : String.format(Locale.ROOT, "%.1f", nanos / 1000);
    }

    private static String dash(int value) {
        return value < 0 ? "–" : String.valueOf(value);
    }
}
