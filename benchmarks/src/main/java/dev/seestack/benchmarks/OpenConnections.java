package dev.seestack.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * TCP connections this process has established to a port (Linux; -1 elsewhere): the sockets of
 * {@code /proc/net/tcp} and {@code tcp6} whose remote port is that port and whose inode is one of this process's
 * open sockets ({@code /proc/self/fd}), since those tables list every process's sockets.
 */
final class OpenConnections {
    private static final String ESTABLISHED = "01";

    private OpenConnections() {
    }

    static int to(int port) {
        String remote = String.format(Locale.ROOT, ":%04X", port);
        try {
            Set<String> own = socketInodes();
            int count = 0;
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[2].endsWith(remote) && f[3].equals(ESTABLISHED) && own.contains(f[9])) {
                        count++;
                    }
                }
            }
            return count;
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }

    private static Set<String> socketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // an fd closed while listing
                }
            }
        }
        return inodes;
    }
}
