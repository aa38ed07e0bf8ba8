package dev.seestack.internal.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** One segment file and its bookkeeping: records not answered yet, in file order. Guarded by the ledger. */
final class Segment {
    final Path path;
    final FileChannel channel;
    final Deque<RecordRef> pending = new ArrayDeque<>();
    /** File size: where the next record goes (only the active segment grows). */
    long bytes;
    /** The record being resent right now, out of {@link #pending}; null when none. */
    RecordRef inFlight;
    /** No more records will be appended. */
    boolean sealed;
    /** Evicted (spool full) or deleted: its file is gone. */
    boolean removed;

    Segment(Path path, FileChannel channel, long bytes) {
        this.path = path;
        this.channel = channel;
        this.bytes = bytes;
    }

    /** Whether every record was answered and nothing is in flight: the file can go. */
    boolean isDone() {
        return sealed && pending.isEmpty() && inFlight == null;
    }

    /** Closes and deletes the file. */
    void delete() throws IOException {
        removed = true;
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
