package dev.seestack.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor of {@link CostReport}: {@code wrk -t1 -c<inFlight>} (C, HTTP/1.1, closed loop: it cannot pace) posting
 * the same log body for a fixed time, its CPU read as the user + system time bash's {@code times} reports for its
 * child, divided by the requests wrk completed; a first run as long, not counted, warms the server's path.
 */
final class WrkCost {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern TIME = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private WrkCost() {
    }

    /** User + system seconds of one line of bash's {@code times} ({@code 0m1.234s 0m0.567s}). */
    private static double seconds(java.util.regex.MatchResult m) {
        return Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2)) + Long.parseLong(m.group(3)) * 60
                + Double.parseDouble(m.group(4));
    }

    /** The wrk row, or a row saying wrk is not installed. */
    static CostRow measure(String scenario, String base, int connections, int seconds)
            throws IOException, InterruptedException {
        String name = "`wrk -t1 -c" + connections + "` (C, HTTP/1.1, closed loop)";
        Path script = Files.createTempFile("seestack-wrk", ".lua");
        try {
            Files.writeString(script, "wrk.method = \"POST\"\n"
                    + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                    + "wrk.headers[\"" + CostContender.KEY_HEADER + "\"] = \"bench\"\n"
                    + "wrk.body = '" + new String(CostContender.LOG_BODY, StandardCharsets.UTF_8) + "'\n");
            String wrk = "wrk -t1 -c" + connections + " --timeout 10s -s " + script + " " + base + "/ingest/v1/logs";
            // a first run as long, not counted, warms the server's path for wrk's protocol (HTTP/1.1, over TLS too)
            String command = wrk + " -d" + seconds + "s >/dev/null && times && " + wrk + " -d" + seconds + "s && times";
            Process p = new ProcessBuilder(List.of("bash", "-c", "command -v wrk >/dev/null || exit 127; " + command))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (exit == 127) {
                return CostRow.note(name, scenario, "not installed (`apt-get install -y wrk`)");
            }
            Matcher requests = REQUESTS.matcher(out);
            List<Double> times = TIME.matcher(out).results().map(WrkCost::seconds).toList();
            if (exit != 0 || !requests.find() || times.size() != 4) {
                return CostRow.note(name, scenario, "failed: " + out.replace('\n', ' ').trim());
            }
            long count = Long.parseLong(requests.group(1));
            if (count == 0) {
                return CostRow.note(name, scenario, "no request answered: " + out.replace('\n', ' ').trim());
            }
            double cpuSeconds = times.get(3) - times.get(1); // children's time after both runs, less the first's
            Matcher non2xx = NON_2XX.matcher(out);
            long delivered = count - (non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
            return CostRow.wrk(name, scenario, cpuSeconds * 1e9 / count, count / (double) seconds, delivered, count,
                    connections);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
