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
 * Delivery over an added round trip: for each added round trip (through the test kit's {@code DelayProxy}) and
 * offered rate, SeeStack over HTTP/1.1 to the counting server ({@code h1}) and over HTTP/2 with TLS to the test
 * kit's Jetty server ({@code h2}), then loki4j and sentry-logback to the counting server's Loki and Sentry
 * endpoints; one Markdown row each ({@link LatencyRow} names the columns).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.seestack.benchmarks.LatencyReport [seconds]
 * [--rtt 0,50,100] [--rate 2000,5000] [--proto h1,h2,loki4j,sentry] [--jvm new,warmed] [--warmup 5]}: seconds per
 * row (default 10, fractions allowed). {@code --jvm} says where each row's client runs: {@code new} in a new JVM
 * with no warm-up (a service just restarted), {@code warmed} in a new JVM after an unreported warm-up row of
 * {@code --warmup} seconds (0 ms, 2000 logs/s, a client of its own), {@code same} in this JVM after such a warm-up
 * row per contender (the server's and proxy's CPU then share the process: no process figures). Servers and delay
 * proxies always run in this JVM, so a child's process CPU and threads are its client's alone.
 */
public final class LatencyReport {
    static final List<String> PROTOS = List.of("h1", "h2", "loki4j", "sentry");
    static final List<String> JVMS = List.of("new", "warmed", "same");

    /** What to run: the row window, the warm-up, and the rows (all combinations of the lists). */
    record Options(Duration window, Duration warmup, List<Long> rtts, List<Integer> rates, List<String> protos,
            List<String> jvms) {
        static Options parse(String... args) {
            Duration window = Duration.ofSeconds(10);
            Duration warmup = Duration.ofSeconds(5);
            List<Long> rtts = List.of(0L, 50L, 100L);
            List<Integer> rates = List.of(2000, 5000);
            List<String> protos = PROTOS;
            List<String> jvms = List.of("new", "warmed");
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
                    case "--proto" -> protos = list(value, name -> oneOf(name, PROTOS));
                    case "--jvm" -> jvms = list(value, name -> oneOf(name, JVMS));
                    case "--warmup" -> warmup = seconds(value);
                    default -> throw new IllegalArgumentException("unknown option " + a + ". " + USAGE);
                }
            }
            return new Options(window, warmup, rtts, rates, protos, jvms);
        }
    }

    static final String USAGE = "Usage: LatencyReport [seconds] [--rtt 0,50,100] [--rate 2000,5000] "
            + "[--proto h1,h2,loki4j,sentry] [--jvm new,warmed,same] [--warmup 5]";

    private LatencyReport() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf(Locale.ROOT, "window %.1f s per row, warm-up %.1f s (warmed and same rows), %d cores, "
                + "Java %s%n", options.window().toMillis() / 1000.0, options.warmup().toMillis() / 1000.0,
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
        quietLibraryLogs();
        List<LatencyRow> rows = new ArrayList<>();
        try (CountingServer h1 = CountingServer.start(4);
                Http2Server h2 = options.protos().contains("h2") ? http2Server() : null) {
            for (String jvmName : options.jvms()) {
                LatencyRuns.Jvm jvm = new LatencyRuns.Jvm(jvmName,
                        jvmName.equals("new") ? Duration.ZERO : options.warmup());
                for (String proto : options.protos()) {
                    LatencyRuns.Target target = target(proto, h1, h2);
                    if (jvmName.equals("same") && !options.warmup().isZero()) {
                        LatencyRuns.row(target, jvm, 0, 2000, options.warmup());
                    }
                    for (long rtt : options.rtts()) {
                        for (int rate : options.rates()) {
                            LatencyRow row = LatencyRuns.row(target, jvm, rtt, rate, options.window());
                            rows.add(row);
                            each.accept(row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static LatencyRuns.Target target(String proto, CountingServer h1, Http2Server h2) {
        return switch (proto) {
            case "h1" -> new LatencyRuns.Target(proto, "http", port(h1.url()), h1::requests);
            case "h2" -> new LatencyRuns.Target(proto, "https", h2.port(), h2::requests);
            default -> new LatencyRuns.Target(proto, "http", port(h1.url()), h1::peerRecords);
        };
    }

    /** Jetty and Netty log through SLF4J, i.e. Logback's default context here, which logs everything at DEBUG. */
    static void quietLibraryLogs() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private static String oneOf(String name, List<String> allowed) {
        if (!allowed.contains(name)) {
            throw new IllegalArgumentException("unknown value " + name + " (one of " + allowed + "). " + USAGE);
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
