package dev.seestack.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own ceiling as a C load generator sees it: {@code wrk} posting the same 150-byte log body
 * over 16 keep-alive connections. Optional: when {@code wrk} is not installed the figure is reported n/a.
 */
final class WrkCeiling {
    private static final Pattern REQUESTS_PER_SEC = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

    private WrkCeiling() {
    }

    /** Requests per second wrk reached, or NaN when wrk is unavailable. */
    static double measure(String url, int seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("seestack-wrk", ".lua");
        try {
            Files.writeString(script, "wrk.method = \"POST\"\n"
                    + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                    + "wrk.headers[\"X-SeeStack-Key\"] = \"bench\"\n"
                    + "wrk.body = '" + new String(RequestCeiling.LOG_BODY, StandardCharsets.UTF_8) + "'\n");
            Process p;
            try {
                p = new ProcessBuilder(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s", "-s", script.toString(),
                        url + "/ingest/v1/logs")).redirectErrorStream(true).start();
            } catch (IOException notInstalled) {
                return Double.NaN;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher m = REQUESTS_PER_SEC.matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
