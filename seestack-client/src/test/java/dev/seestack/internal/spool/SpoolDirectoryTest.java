package dev.seestack.internal.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One lock per process, adoption of what gone owners left, and owner-only permissions. */
class SpoolDirectoryTest {
    @TempDir
    Path root;

    @Test
    void createsTheDirectoryAndItsFilesReadableByTheOwnerOnly() throws IOException {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path dir = root.resolve("spool");
        try (SpoolDirectory spool = SpoolDirectory.open(dir)) {
            Path segment = spool.nextSegmentPath();
            spool.createSegment(segment).close();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(segment)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(spool.owner() + SpoolDirectory.LOCK_SUFFIX))));
        }
    }

    @Test
    void neverAdoptsTheSegmentsOfAnOwnerThatStillRuns() throws IOException {
        try (SpoolDirectory running = SpoolDirectory.open(root); SpoolDirectory other = SpoolDirectory.open(root)) {
            Path segment = running.nextSegmentPath();
            running.createSegment(segment).close();

            assertEquals(List.of(), other.adoptOrphans());
            assertTrue(Files.exists(segment), "the running owner keeps its segment");
            assertTrue(Files.exists(root.resolve(running.owner() + SpoolDirectory.LOCK_SUFFIX)));
        }
    }

    @Test
    void adoptsTheSegmentsOfAClosedOwnerInTheirOrder() throws IOException {
        List<Path> written;
        String gone;
        try (SpoolDirectory first = SpoolDirectory.open(root)) {
            gone = first.owner();
            written = List.of(first.nextSegmentPath(), first.nextSegmentPath(), first.nextSegmentPath());
            for (Path p : written) {
                first.createSegment(p).close();
            }
        }
        try (SpoolDirectory next = SpoolDirectory.open(root)) {
            List<Path> adopted = next.adoptOrphans();

            assertEquals(3, adopted.size());
            for (Path p : adopted) {
                assertEquals(next.owner(), SpoolDirectory.ownerOf(p));
                assertTrue(Files.exists(p));
            }
            assertEquals(adopted.stream().sorted().collect(Collectors.toList()), adopted, "oldest first");
            assertTrue(written.stream().noneMatch(Files::exists), "renamed, not copied");
            assertFalse(Files.exists(root.resolve(gone + SpoolDirectory.LOCK_SUFFIX)));
        }
    }

    @Test
    void adoptsTheSegmentsOfAKilledOwnerWhoseLockFileIsLeftUnlocked() throws IOException {
        Path lock = Files.createFile(root.resolve("killed1" + SpoolDirectory.LOCK_SUFFIX));
        Path segment = Files.createFile(root.resolve("killed1-000000000001" + SpoolDirectory.SEGMENT_SUFFIX));
        try (SpoolDirectory next = SpoolDirectory.open(root)) {
            List<Path> adopted = next.adoptOrphans();

            assertEquals(1, adopted.size());
            assertFalse(Files.exists(segment));
            assertFalse(Files.exists(lock), "the dead owner's lock file is cleaned up");
        }
    }

    @Test
    void aSegmentIsAdoptedByOneNewOwnerOnly() throws IOException {
        Files.createFile(root.resolve("killed2-000000000001" + SpoolDirectory.SEGMENT_SUFFIX));
        try (SpoolDirectory a = SpoolDirectory.open(root); SpoolDirectory b = SpoolDirectory.open(root)) {
            int adopted = a.adoptOrphans().size() + b.adoptOrphans().size();
            assertEquals(1, adopted);
            try (Stream<Path> files = Files.list(root)) {
                assertEquals(1, files.filter(p -> p.toString().endsWith(SpoolDirectory.SEGMENT_SUFFIX)).count());
            }
        }
    }

    @Test
    void closingReleasesTheLockAndRemovesTheLockFile() throws IOException {
        SpoolDirectory spool = SpoolDirectory.open(root);
        Path lock = root.resolve(spool.owner() + SpoolDirectory.LOCK_SUFFIX);
        assertTrue(Files.exists(lock));
        spool.close();
        assertFalse(Files.exists(lock));
        try (FileChannel ch = FileChannel.open(Files.createFile(lock), java.nio.file.StandardOpenOption.WRITE)) {
            assertTrue(ch.tryLock() != null, "nobody holds it any more");
        }
    }
}
