package dev.seestack.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The lock files a running disk spool holds in its directory, for tests proving a spool option started one. */
public final class SpoolLocks {
    private SpoolLocks() {
    }

    /** Lock files ({@code *.lock}) in {@code dir}; 0 while it does not exist or cannot be listed. */
    public static long count(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".lock")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
