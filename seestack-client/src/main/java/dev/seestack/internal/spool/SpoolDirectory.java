package dev.seestack.internal.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spool directory as one process sees it. Each process (each client) writes only its own segments,
 * {@code <owner>-<sequence>.seg}, and holds {@code <owner>.lock} locked ({@link FileChannel#tryLock}) for as long
 * as it runs. At start it adopts the segments of owners that are gone (their lock file is missing or can be
 * locked) by renaming them into its own name space: a rename succeeds for one process only, so two processes on
 * one directory never share or double-send a segment. Files and a directory created here are readable by the
 * owner only where the file system has POSIX permissions.
 */
final class SpoolDirectory implements AutoCloseable {
    static final String SEGMENT_SUFFIX = ".seg";
    static final String LOCK_SUFFIX = ".lock";
    private static final String TEMP_LOCK_SUFFIX = ".lock.tmp";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Owners whose lock this JVM holds. Their lock files are never opened by another client of this JVM: closing
     * any channel on a file releases every POSIX lock the process holds on it (FileLock's javadoc), which would
     * silently unlock a running owner.
     */
    private static final Set<String> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final String owner;
    private final boolean posix;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path lockFile;
    private long nextSequence = 1;

    private SpoolDirectory(Path dir, String owner, boolean posix, FileChannel lockChannel, FileLock lock,
            Path lockFile) {
        this.dir = dir;
        this.owner = owner;
        this.posix = posix;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.lockFile = lockFile;
    }

    /** Creates the directory when missing (owner-only) and takes this process's lock. */
    static SpoolDirectory open(Path dir) throws IOException {
        Path d = dir.toAbsolutePath();
        boolean posix = d.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(d)) {
            if (posix) {
                Files.createDirectories(d, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(d);
            }
        }
        String owner = newOwnerId();
        // locked under a temporary name, then renamed: a lock file visible under its real name is always locked
        // while its owner runs (the lock belongs to the file, and survives the rename)
        Path temp = d.resolve(owner + TEMP_LOCK_SUFFIX);
        FileChannel channel = FileChannel.open(temp, createOptions(), ownerOnly(posix));
        FileLock lock;
        try {
            lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("could not lock " + temp);
            }
            Path lockFile = d.resolve(owner + LOCK_SUFFIX);
            HELD_IN_THIS_JVM.add(owner);
            Files.move(temp, lockFile, StandardCopyOption.ATOMIC_MOVE);
            return new SpoolDirectory(d, owner, posix, channel, lock, lockFile);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(owner);
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    Path path() {
        return dir;
    }

    String owner() {
        return owner;
    }

    /**
     * Takes over the segments of every owner that is gone, oldest first, renaming each into this owner's name
     * space; returns them in sending order. Segments another process adopts first are skipped.
     */
    List<Path> adoptOrphans() throws IOException {
        List<Path> orphans = new ArrayList<>();
        Set<String> alive = new HashSet<>();
        Set<String> dead = new HashSet<>();
        Map<String, FileLock> claimed = new HashMap<>();
        try {
            for (Path segment : list(SEGMENT_SUFFIX)) {
                String segmentOwner = ownerOf(segment);
                if (segmentOwner == null || segmentOwner.equals(owner) || alive.contains(segmentOwner)) {
                    continue;
                }
                if (!dead.contains(segmentOwner)) {
                    FileLock claim = claimIfGone(segmentOwner);
                    if (claim == null) {
                        alive.add(segmentOwner);
                        continue;
                    }
                    claimed.put(segmentOwner, claim);
                    dead.add(segmentOwner);
                }
                orphans.add(segment);
            }
            orphans.sort(Comparator.comparing(SpoolDirectory::lastModified).thenComparing(Path::toString));
            List<Path> adopted = new ArrayList<>();
            for (Path orphan : orphans) {
                Path target = nextSegmentPath();
                try {
                    Files.move(orphan, target, StandardCopyOption.ATOMIC_MOVE);
                    adopted.add(target);
                } catch (NoSuchFileException takenByAnother) {
                    // adopted by another process in the meantime
                }
            }
            return adopted;
        } finally {
            claimed.forEach(this::releaseClaim);
            removeStaleLocks(alive);
        }
    }

    /** Creates a new, empty segment file (owner-only) and opens it for appending and in-place updates. */
    FileChannel createSegment(Path path) throws IOException {
        return FileChannel.open(path, createOptions(), ownerOnly(posix));
    }

    /** The path of this owner's next segment. */
    Path nextSegmentPath() {
        return dir.resolve(owner + "-" + String.format(Locale.ROOT, "%012d", nextSequence++) + SEGMENT_SUFFIX);
    }

    /** Opens an existing segment for reading and in-place updates. */
    static FileChannel openSegment(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Releases the lock and removes the lock file; segments left behind are adopted by the next process. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException | RuntimeException ignored) {
            // a leftover lock file is unlocked once this process ends and then cleaned up by the next one
        }
        try {
            lock.release();
        } catch (IOException | RuntimeException ignored) {
            // closing the channel releases it too
        }
        try {
            lockChannel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
        HELD_IN_THIS_JVM.remove(owner);
    }

    /** Locks {@code other}'s lock file (creating it when missing) if no running process holds it; else null. */
    private FileLock claimIfGone(String other) throws IOException {
        if (HELD_IN_THIS_JVM.contains(other)) {
            return null;
        }
        Path file = dir.resolve(other + LOCK_SUFFIX);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock claim = channel.tryLock();
            if (claim == null) {
                channel.close();
            }
            return claim;
        } catch (OverlappingFileLockException heldInThisJvm) {
            channel.close();
            return null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Deletes a gone owner's lock file while still holding it, then releases it. */
    private void releaseClaim(String other, FileLock claim) {
        try {
            Files.deleteIfExists(dir.resolve(other + LOCK_SUFFIX));
        } catch (IOException | RuntimeException ignored) {
            // left behind unlocked: removed by a later start
        }
        try {
            claim.release();
        } catch (IOException ignored) {
            // released when the channel closes
        }
        try {
            claim.channel().close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Deletes lock files of owners that are gone and left no segment. */
    private void removeStaleLocks(Set<String> alive) throws IOException {
        Set<String> withSegments = new HashSet<>();
        for (Path segment : list(SEGMENT_SUFFIX)) {
            withSegments.add(ownerOf(segment));
        }
        for (Path lockPath : list(LOCK_SUFFIX)) {
            String name = lockPath.getFileName().toString();
            String other = name.substring(0, name.length() - LOCK_SUFFIX.length());
            if (other.equals(owner) || alive.contains(other) || withSegments.contains(other)
                    || HELD_IN_THIS_JVM.contains(other)) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
                FileLock claim = channel.tryLock();
                if (claim != null) {
                    // deleted while locked, so no process can take it for a live lock in between
                    Files.deleteIfExists(lockPath);
                    claim.release();
                }
            } catch (OverlappingFileLockException | NoSuchFileException heldOrGone) {
                // another client of this JVM holds it, or another process removed it first
            }
        }
    }

    private List<Path> list(String suffix) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + suffix)) {
            for (Path p : stream) {
                paths.add(p);
            }
        }
        return paths;
    }

    /** The owner id in {@code <owner>-<sequence>.seg}, or null for a file that is not a segment of ours. */
    static String ownerOf(Path segment) {
        String name = segment.getFileName().toString();
        int dash = name.indexOf('-');
        return dash <= 0 || !name.endsWith(SEGMENT_SUFFIX) ? null : name.substring(0, dash);
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Set<OpenOption> createOptions() {
        Set<OpenOption> options = new HashSet<>();
        options.add(StandardOpenOption.CREATE_NEW);
        options.add(StandardOpenOption.READ);
        options.add(StandardOpenOption.WRITE);
        return options;
    }

    private static FileAttribute<?>[] ownerOnly(boolean posix) {
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }

    private static String newOwnerId() {
        long pid = ProcessHandle.current().pid();
        return Long.toString(pid, 36) + "x" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }
}
