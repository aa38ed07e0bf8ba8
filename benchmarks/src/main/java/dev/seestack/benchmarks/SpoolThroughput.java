package dev.seestack.benchmarks;

import dev.seestack.internal.delivery.ExecutorScheduler;
import dev.seestack.internal.delivery.RetryDecision;
import dev.seestack.internal.diag.DiagnosticSink;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.spool.DiskSpool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Disk spool throughput: how fast requests are appended to segments (offer until on disk), and how
 * fast they are read back, resent to a backend that answers at once, marked answered and their segments deleted.
 * No network: this is the spool's own cost, the ceiling under any real backend.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.seestack.benchmarks.SpoolThroughput [records] [bodyBytes]
 * [runs] [dir]}
 */
public final class SpoolThroughput {
    private SpoolThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path base = args.length > 3 ? Paths.get(args[3]) : Files.createTempDirectory("seestack-spool-bench");
        byte[] body = body(bodyBytes);
        double[] write = new double[runs];
        double[] read = new double[runs];
        System.out.printf(Locale.ROOT, "records=%d bodyBytes=%d runs=%d dir=%s%n", records, bodyBytes, runs, base);
        for (int r = 0; r < runs; r++) {
            Path dir = Files.createDirectories(base.resolve("run-" + r));
            Backend backend = new Backend();
            ExecutorScheduler scheduler = new ExecutorScheduler();
            DiskSpool spool = DiskSpool.start(dir, 1L << 40, scheduler, new Diagnostics(false,
                    DiagnosticSink.STDERR), backend);
            long t0 = System.nanoTime();
            for (int i = 0; i < records; i++) {
                while (!spool.offer(Feature.LOGS, 1, () -> body)) {
                    Thread.onSpinWait(); // the writer's queue is full: the engine would count a drop, we wait
                }
            }
            while (spool.backlog(Feature.LOGS) < records) {
                Thread.sleep(1);
            }
            long t1 = System.nanoTime();
            backend.up = true;
            spool.onDelivered();
            while (spool.counters().resentFromSpool(Feature.LOGS) < records) {
                Thread.sleep(1);
            }
            long t2 = System.nanoTime();
            spool.close();
            scheduler.shutdown();
            write[r] = records / ((t1 - t0) / 1e9);
            read[r] = records / ((t2 - t1) / 1e9);
            System.out.printf(Locale.ROOT, "run %d: write %.0f records/s (%.1f MB/s), resend %.0f records/s%n", r,
                    write[r], write[r] * bodyBytes / 1e6, read[r]);
            deleteTree(dir);
        }
        System.out.printf(Locale.ROOT, "write  median %.0f records/s (min %.0f, max %.0f)%n", median(write), min(write),
                max(write));
        System.out.printf(Locale.ROOT, "resend median %.0f records/s (min %.0f, max %.0f)%n", median(read), min(read),
                max(read));
    }

    private static byte[] body(int bytes) {
        StringBuilder b = new StringBuilder("{\"level\":\"info\",\"message\":\"");
        while (b.length() < bytes - 2) {
            b.append('x');
        }
        return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Refuses until {@link #up}, then accepts every request at once. */
    private static final class Backend implements dev.seestack.internal.spool.ResendChannel {
        volatile boolean up;

        @Override
        public RetryDecision send(Feature feature, byte[] body) throws IOException {
            if (!up) {
                throw new IOException("down");
            }
            return RetryDecision.DELIVERED;
        }
    }
}
