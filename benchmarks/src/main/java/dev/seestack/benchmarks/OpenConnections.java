package dev.seestack.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * TCP connections established to a port, read from {@code /proc/net/tcp} and {@code tcp6} (Linux; -1 elsewhere).
 * The server runs in another process, so sockets whose <em>remote</em> port is the server's are the client's.
 */
final class OpenConnections {
    private static final String ESTABLISHED = "01";

    private OpenConnections() {
    }

    static int to(int port) {
        String remote = String.format(Locale.ROOT, ":%04X", port);
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[2].endsWith(remote) && f[3].equals(ESTABLISHED)) {
                        count++;
                    }
                }
            } catch (IOException | RuntimeException unavailable) {
                return -1;
            }
        }
        return count;
    }
}
