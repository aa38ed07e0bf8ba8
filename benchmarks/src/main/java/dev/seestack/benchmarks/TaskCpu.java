package dev.seestack.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU of every thread of this process as Linux counts it ({@code /proc/self/task/N/stat}), JVM threads included
 * (C1/C2 compilers, GC, VM thread) which {@code ThreadMXBean} does not see: where a new JVM's CPU goes. Grouped
 * by name with digits dropped ({@code GC Thread#0} and {@code #1} together); empty off Linux.
 */
final class TaskCpu {
    private static final double MS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private TaskCpu() {
    }

    /** Milliseconds of CPU (user + system) per thread-name group, largest first in {@link #line}. */
    static Map<String, Double> byGroup() {
        Map<String, Double> ms = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("#[0-9]+", "#N");
                    String[] f = stat.substring(close + 2).split(" ");
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_TICK;
                    ms.merge(name, cpu, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException e) {
            return ms;
        }
        return ms;
    }

    /** {@code TASKCPU name=ms, ...}, largest first. */
    static String line() {
        StringBuilder b = new StringBuilder("TASKCPU");
        byGroup().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> b.append(String.format(Locale.ROOT, " [%s]=%.0f", e.getKey(), e.getValue())));
        return b.toString();
    }
}
