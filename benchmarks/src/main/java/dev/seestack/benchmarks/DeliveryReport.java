package dev.seestack.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * Prints the delivery table of BENCHMARKS.md: the request ceiling, then delivered logs/s at offered rates.
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.seestack.benchmarks.DeliveryReport [seconds]}.
 */
public final class DeliveryReport {
    private DeliveryReport() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String transport = args.length > 2 ? args[2] : "default";
        Duration window = Duration.ofSeconds(seconds);
        try (CountingServer server = CountingServer.start(4)) {
            RequestCeiling.measure(server.url(), 16, Duration.ofSeconds(Math.min(5, seconds)));
            double ceiling = RequestCeiling.measure(server.url(), 16, window);
            System.out.printf(Locale.ROOT, "ceiling (JDK HttpClient, 16 threads, blocking send): %.0f req/s%n", ceiling);
            System.out.println("| offered logs/s | delivered logs/s | captured | dropped | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int rate : new int[] {1000, 5000, 20000, 0}) {
                DeliveryThroughput.Result r = DeliveryThroughput.run(server, rate, window, senders, transport);
                System.out.println(r + String.format(Locale.ROOT, " (%.0f %% of ceiling)",
                        100 * r.deliveredPerSecond / ceiling));
            }
        }
    }
}
