package dev.seestack.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a delivered log costs the application, per HTTP client, in one run: process CPU per delivered
 * request and the threads each client adds, for {@code wrk} (the floor, when installed), the JDK
 * {@code HttpClient} as a blocking loop, Apache HttpAsyncClient 5 (HTTP/1.1; HTTP/2 over https), Netty 4.1 as a
 * raw loop (HTTP/1.1 keep-alive channels; HTTP/2 over https, one connection) and the SDK end to end. The server runs
 * in a process of its own ({@link CostServer}) and each JVM row in a new JVM of its own ({@link CostChild}), so a
 * row's CPU is its client's alone and includes what a restarted service pays: the "new JVM" column over the first
 * {@code --requests}, the warmed one over as many again after {@code --warmup} more.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.seestack.benchmarks.CostReport [--rows
 * wrk,jdk,apache,netty,sdk] [--scenarios loopback-http,loopback-https,delay-http,delay-https] [--requests 60000]
 * [--warmup 30000] [--jdk 17|25|/path/to/java] [--rtt 50] [--rate 2000] [--inflight 64] [--delay-inflight 128]
 * [--wrk-seconds 10] [--runs 1]}. With {@code --runs N} every row runs N times (each in a new JVM, rows of a
 * scenario interleaved) and a last table gives each row's minimum and median. Loopback rows send as fast as the client goes with {@code --inflight} requests in flight;
 * {@code delay-*} rows cross the test kit's {@code DelayProxy} ({@code --rtt} ms round trip) offering
 * {@code --rate} requests/s with up to {@code --delay-inflight} in flight (wrk cannot pace: its delay rows are a
 * closed loop of {@code --inflight} connections). {@code --jdk} picks the JVM of the client rows (17 and 25 name
 * this machine's OpenJDK 17 and Temurin 25); the server always runs on the report's own JVM.
 */
public final class CostReport {
    static final List<String> CONTENDERS = List.of("wrk", "jdk", "apache", "netty", "sdk");
    static final List<String> SCENARIOS = List.of("loopback-http", "loopback-https", "delay-http", "delay-https");
    static final Map<String, String> JDKS = Map.of("17", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
            "25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    static final String USAGE = "Usage: CostReport [--rows wrk,jdk,apache,netty,sdk] [--scenarios "
            + String.join(",", SCENARIOS) + "] [--requests 60000] [--warmup 30000] [--jdk 17|25|path] [--rtt 50] "
            + "[--rate 2000] [--inflight 64] [--delay-inflight 128] [--wrk-seconds 10] [--runs 1]";

    /** What to run. */
    record Options(List<String> rows, List<String> scenarios, long requests, long warmup, String java, long rttMs,
            int rate, int inFlight, int delayInFlight, int wrkSeconds, int runs) {
        static Options parse(String... args) {
            List<String> rows = CONTENDERS;
            List<String> scenarios = SCENARIOS;
            long requests = 60_000;
            long warmup = 30_000;
            String java = javaHome();
            long rttMs = 50;
            int rate = 2000;
            int inFlight = 64;
            int delayInFlight = 128;
            int wrkSeconds = 10;
            int runs = 1;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value. " + USAGE);
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--rows" -> rows = list(v, CONTENDERS);
                    case "--scenarios" -> scenarios = list(v, SCENARIOS);
                    case "--requests" -> requests = Long.parseLong(v);
                    case "--warmup" -> warmup = Long.parseLong(v);
                    case "--jdk" -> java = JDKS.getOrDefault(v, v);
                    case "--rtt" -> rttMs = Long.parseLong(v);
                    case "--rate" -> rate = Integer.parseInt(v);
                    case "--inflight" -> inFlight = Integer.parseInt(v);
                    case "--delay-inflight" -> delayInFlight = Integer.parseInt(v);
                    case "--wrk-seconds" -> wrkSeconds = Integer.parseInt(v);
                    case "--runs" -> runs = Math.max(1, Integer.parseInt(v));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + ". " + USAGE);
                }
            }
            return new Options(rows, scenarios, requests, warmup, java, rttMs, rate, inFlight, delayInFlight,
                    wrkSeconds, runs);
        }

        private static String javaHome() {
            return System.getProperty("java.home") + "/bin/java";
        }

        private static List<String> list(String csv, List<String> allowed) {
            List<String> values = List.of(csv.split(","));
            for (String v : values) {
                if (!allowed.contains(v)) {
                    throw new IllegalArgumentException(v + " is not one of " + allowed + ". " + USAGE);
                }
            }
            return values;
        }
    }

    /** A scenario's server and load: scheme, added round trip, offered rate (0: unpaced), requests in flight. */
    record Scenario(String name, String scheme, long rttMs, int rate, int inFlight) {
        static Scenario of(String name, Options o) {
            String scheme = name.endsWith("https") ? "https" : "http";
            return name.startsWith("delay") ? new Scenario(name, scheme, o.rttMs(), o.rate(), o.delayInFlight())
                    : new Scenario(name, scheme, 0, 0, o.inFlight());
        }

        String label() {
            return rttMs == 0 ? name : String.format(Locale.ROOT, "%s (%d ms RTT, %d req/s offered, %d in flight)",
                    name, rttMs, rate, inFlight);
        }
    }

    private static final int SERVER_WARMUP = 20_000;

    private CostReport() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf(Locale.ROOT, "%d requests per phase, warm-up %d, clients on %s, %d cores; each JVM row in a "
                + "new JVM, the server in its own process%n%n", o.requests(), o.warmup(), javaVersion(o.java()),
                Runtime.getRuntime().availableProcessors());
        System.out.println(CostRow.header(o.warmup()));
        List<CostRow> rows = run(o, System.out::println);
        System.out.println();
        System.out.println(ratios(rows, o.scenarios()));
        if (o.runs() > 1) {
            System.out.println(spread(rows, o.runs()));
        }
    }

    /** Runs every row of {@code o}, scenario by scenario, handing each to {@code each} as it is measured. */
    static List<CostRow> run(Options o, Consumer<CostRow> each) throws Exception {
        LatencyReport.quietLibraryLogs(); // the server warm-up's client logs through SLF4J too
        List<CostRow> rows = new ArrayList<>();
        for (String name : o.scenarios()) {
            Scenario scenario = Scenario.of(name, o);
            try (ChildJvm server = ChildJvm.start(Options.javaHome(), List.of("-Dsun.net.httpserver.nodelay=true"),
                    CostServer.class, List.of(scenario.scheme(), String.valueOf(scenario.rttMs())))) {
                String ready = server.lineStartingWith("base=");
                if (ready == null) {
                    throw new IllegalStateException("the " + scenario.scheme() + " server did not start");
                }
                String base = ready.substring(5, ready.indexOf(' '));
                String trust = ready.substring(ready.indexOf("trust=") + 6);
                warmServer(base, trust, scenario, o.requests());
                for (int run = 0; run < o.runs(); run++) {
                    for (String contender : o.rows()) {
                        CostRow row = contender.equals("wrk")
                                ? WrkCost.measure(scenario.label(), base, o.inFlight(), o.wrkSeconds())
                                : jvmRow(contender, scenario, base, trust, o);
                        rows.add(row);
                        each.accept(row);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Warms the server's JVM with up to {@value #SERVER_WARMUP} requests from this process (not measured), so the
     * first row does not pay for a cold server in its throughput, nor wrk time out on a cold TLS handshake.
     */
    private static void warmServer(String base, String trust, Scenario scenario, long requests) throws Exception {
        CostContender.Endpoint endpoint = new CostContender.Endpoint(java.net.URI.create(base),
                trust.equals("-") ? null : java.nio.file.Path.of(trust), scenario.inFlight());
        try (CostContender warmer = CostContender.create("apache", endpoint)) { // closes its connections
            warmer.deliver(new RequestTickets(Math.min(SERVER_WARMUP, requests), 0, new ThreadCensus()),
                    new Tally());
        }
    }

    private static CostRow jvmRow(String contender, Scenario scenario, String base, String trust, Options o)
            throws Exception {
        String client = clientName(contender, scenario);
        try (ChildJvm child = ChildJvm.start(o.java(), List.of(), CostChild.class, List.of(contender, base, trust,
                String.valueOf(scenario.inFlight()), String.valueOf(o.requests()), String.valueOf(o.warmup()),
                String.valueOf(scenario.rate())))) {
            String result = child.lineStartingWith(CostRow.RESULT);
            return result == null ? CostRow.note(client, scenario.label(), "failed (see standard error)")
                    : CostRow.parse(client, scenario.label(), result);
        }
    }

    static String clientName(String contender, Scenario s) {
        String version = s.scheme().equals("https") ? "HTTP/2" : "HTTP/1.1";
        return switch (contender) {
            case "jdk" -> "JDK `HttpClient`, " + s.inFlight() + " threads blocking `send` (" + version + ")";
            case "apache" -> "Apache HttpAsyncClient 5.6, 1 I/O thread (" + version + ")";
            case "netty" -> "Netty 4.1.128, 1 NIO event loop, " + (s.scheme().equals("https") ? "1 connection"
                    : s.inFlight() + " keep-alive channels") + " (" + version + ")";
            case "sdk" -> "**SeeStack `captureLog` + `flush`, default settings**";
            default -> contender;
        };
    }

    /** The targeted ratios: the SDK's CPU per request over wrk's and over the raw Netty loop's. */
    static String ratios(List<CostRow> rows, List<String> scenarios) {
        StringBuilder out = new StringBuilder("| scenario | SDK ÷ wrk (warmed) | SDK ÷ Netty raw loop (warmed) "
                + "| SDK ÷ Netty raw loop (new JVM) |\n|---|---|---|---|\n");
        for (String name : scenarios) {
            List<CostRow> sdk = find(rows, name, "SeeStack");
            List<CostRow> wrk = find(rows, name, "wrk");
            List<CostRow> netty = find(rows, name, "Netty");
            out.append("| ").append(name).append(" | ").append(ratio(sdk, wrk, CostRow::warmNanos)).append(" | ")
                    .append(ratio(sdk, netty, CostRow::warmNanos)).append(" | ")
                    .append(ratio(sdk, netty, CostRow::coldNanos)).append(" |\n");
        }
        return out.toString();
    }

    /** The measured rows of {@code client} in {@code scenario} (its label is the name, or the name and a space). */
    private static List<CostRow> find(List<CostRow> rows, String scenario, String client) {
        return rows.stream().filter(r -> (r.scenario().equals(scenario) || r.scenario().startsWith(scenario + " "))
                && r.client().contains(client) && r.note() == null).toList();
    }

    /** The ratio of the medians of {@code a}'s and {@code b}'s runs. */
    private static String ratio(List<CostRow> a, List<CostRow> b, Function<CostRow, Double> figure) {
        double x = median(a, figure);
        double y = median(b, figure);
        if (x <= 0 || y <= 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", x / y);
    }

    /** The median of {@code figure} over {@code rows}, or -1 when none has it. */
    static double median(List<CostRow> rows, Function<CostRow, Double> figure) {
        double[] v = rows.stream().map(figure).mapToDouble(Double::doubleValue).filter(d -> d > 0).sorted().toArray();
        if (v.length == 0) {
            return -1;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Per row and scenario over the runs: the minimum and median CPU per request, warmed and new JVM. */
    static String spread(List<CostRow> rows, int runs) {
        StringBuilder out = new StringBuilder("| client | scenario | runs | warmed µs/request min | median "
                + "| new JVM µs/request min | median |\n|---|---|---|---|---|---|---|\n");
        java.util.Map<String, List<CostRow>> groups = new java.util.LinkedHashMap<>();
        for (CostRow r : rows) {
            if (r.note() == null) {
                groups.computeIfAbsent(r.client() + "\u0000" + r.scenario(), k -> new ArrayList<>()).add(r);
            }
        }
        for (List<CostRow> g : groups.values()) {
            out.append("| ").append(g.get(0).client()).append(" | ").append(g.get(0).scenario()).append(" | ")
                    .append(g.size()).append('/').append(runs).append(" | ")
                    .append(CostRow.micros(min(g, CostRow::warmNanos))).append(" | ")
                    .append(CostRow.micros(median(g, CostRow::warmNanos))).append(" | ")
                    .append(CostRow.micros(min(g, CostRow::coldNanos))).append(" | ")
                    .append(CostRow.micros(median(g, CostRow::coldNanos))).append(" |\n");
        }
        return out.toString();
    }

    private static double min(List<CostRow> rows, Function<CostRow, Double> figure) {
        return rows.stream().map(figure).mapToDouble(Double::doubleValue).filter(d -> d > 0).min().orElse(-1);
    }

    private static String javaVersion(String java) throws Exception {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().findFirst().orElse(java);
        p.waitFor();
        return first;
    }
}
