package dev.seestack.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * Prints the delivery table of BENCHMARKS.md: the server's ceiling (wrk, if installed, and the best of a tight
 * JDK HttpClient loop with 4/8/16 threads), then delivered logs/s at offered rates; percentages are of the
 * JDK-loop ceiling. The 40 000 row offers more than the loop sends at a pace that leaves the client a core; the
 * flat-out row spins the offering thread, which then competes with the client for the CPU. Usage: {@code java -cp
 * benchmarks/target/benchmarks.jar dev.seestack.benchmarks.DeliveryReport [seconds] [senderThreads] [default|jdk]};
 * {@code -Dbench.rates=1000,40000} picks rows (0 = flat out).
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
            double wrk = WrkCeiling.measure(server.url(), seconds);
            System.out.printf(Locale.ROOT, "server ceiling (wrk, 2 threads, 16 connections): %s req/s%n",
                    Double.isNaN(wrk) ? "n/a (wrk not installed)" : String.format(Locale.ROOT, "%.0f", wrk));
            RequestCeiling.measure(server.url(), 16, Duration.ofSeconds(Math.min(5, seconds)));
            double ceiling = 0;
            for (int threads : new int[] {4, 8, 16}) {
                double r = RequestCeiling.measure(server.url(), threads, window);
                System.out.printf(Locale.ROOT, "JDK HttpClient loop, %d threads, blocking send: %.0f req/s%n", threads, r);
                ceiling = Math.max(ceiling, r);
            }
            System.out.println("| offered logs/s | delivered logs/s | captured | dropped | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            String rates = System.getProperty("bench.rates", "1000,5000,20000,40000,0");
            for (String rateText : rates.split(",")) {
                int rate = Integer.parseInt(rateText.trim());
                DeliveryThroughput.Result r = DeliveryThroughput.run(server, rate, window, senders, transport);
                System.out.println(r + String.format(Locale.ROOT, " (%.0f %% of ceiling)",
                        100 * r.deliveredPerSecond / ceiling));
            }
        }
    }
}
