package dev.seestack.benchmarks;

import dev.seestack.testkit.Http2Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivery over an added round trip (issue 16): for each added round trip (through the test kit's
 * {@code DelayProxy}) and offered rate, SeeStack over HTTP/1.1 to the counting server ({@code h1}) and over
 * HTTP/2 with TLS to the test kit's Jetty server ({@code h2}), then loki4j and sentry-logback to the counting
 * server's Loki and Sentry endpoints; one Markdown row each ({@link LatencyRow} names the columns).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.seestack.benchmarks.LatencyReport [seconds]
 * [--rtt 0,10,50,100] [--rate 500,2000,5000,20000] [--proto h1,h2,loki4j,sentry] [--warmup 5]}: seconds per row
 * (default 10, fractions allowed); each contender first runs an unreported warm-up row (0 ms, 2000 logs/s).
 */
public final class LatencyReport {
    static final List<String> PROTOS = List.of("h1", "h2", "loki4j", "sentry");

    /** What to run: the row window, the warm-up per contender, and the rows (all combinations of the lists). */
    record Options(Duration window, Duration warmup, List<Long> rtts, List<Integer> rates, List<String> protos) {
        static Options parse(String... args) {
            Duration window = Duration.ofSeconds(10);
            Duration warmup = Duration.ofSeconds(5);
            List<Long> rtts = List.of(0L, 10L, 50L, 100L);
            List<Integer> rates = List.of(500, 2000, 5000, 20000);
            List<String> protos = PROTOS;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    window = seconds(a);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value. " + USAGE);
                }
                String value = args[++i];
                switch (a) {
                    case "--rtt" -> rtts = list(value, Long::parseLong);
                    case "--rate" -> rates = list(value, Integer::parseInt);
                    case "--proto" -> protos = list(value, LatencyReport::proto);
                    case "--warmup" -> warmup = seconds(value);
                    default -> throw new IllegalArgumentException("unknown option " + a + ". " + USAGE);
                }
            }
            return new Options(window, warmup, rtts, rates, protos);
        }
    }

    static final String USAGE = "Usage: LatencyReport [seconds] [--rtt 0,10,50,100] [--rate 500,2000,5000,20000] "
            + "[--proto h1,h2,loki4j,sentry] [--warmup 5]";

    private LatencyReport() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf(Locale.ROOT, "window %.1f s per row, warm-up %.1f s per contender, %d cores, Java %s%n",
                options.window().toMillis() / 1000.0, options.warmup().toMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println(LatencyRow.HEADER);
        run(options, System.out::println);
    }

    /**
     * The HTTP/2 server: Jetty's default stream limit, or {@code -Dbench.h2MaxStreams=N} (a backend tuned to
     * allow more concurrent streams per connection: the JDK client opens one HTTP/2 connection per host).
     */
    private static Http2Server http2Server() {
        int maxStreams = Integer.getInteger("bench.h2MaxStreams", 0);
        return maxStreams > 0 ? Http2Server.httpsWithStreamLimit(maxStreams) : Http2Server.https(false);
    }

    /** Runs every row of {@code options}, handing each to {@code each} as it is measured. */
    static List<LatencyRow> run(Options options, Consumer<LatencyRow> each) throws Exception {
        quietServerLogs();
        List<LatencyRow> rows = new ArrayList<>();
        try (CountingServer h1 = CountingServer.start(4);
                Http2Server h2 = options.protos().contains("h2") ? http2Server() : null) {
            for (String proto : options.protos()) {
                if (!options.warmup().isZero()) {
                    row(proto, h1, h2, 0, 2000, options.warmup());
                }
                for (long rtt : options.rtts()) {
                    for (int rate : options.rates()) {
                        LatencyRow row = row(proto, h1, h2, rtt, rate, options.window());
                        rows.add(row);
                        each.accept(row);
                    }
                }
            }
        }
        return rows;
    }

    private static LatencyRow row(String proto, CountingServer h1, Http2Server h2, long rtt, int rate,
            Duration window) throws Exception {
        return switch (proto) {
            case "h1" -> LatencyRuns.seestack(new LatencyRuns.Target("h1", "http",
                    port(h1.url()), h1::requests), rtt, rate, window);
            case "h2" -> LatencyRuns.seestack(new LatencyRuns.Target("h2", "https", h2.port(), h2::requests),
                    rtt, rate, window);
            default -> LatencyRuns.peer(proto, h1, rtt, rate, window);
        };
    }

    /** Jetty logs through SLF4J, i.e. Logback's default context here, which logs everything at DEBUG. */
    private static void quietServerLogs() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private static String proto(String name) {
        if (!PROTOS.contains(name)) {
            throw new IllegalArgumentException("unknown contender " + name + " (one of " + PROTOS + "). " + USAGE);
        }
        return name;
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private static <T> List<T> list(String csv, Function<String, T> parse) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(parse)
                .collect(Collectors.toList());
    }
}
