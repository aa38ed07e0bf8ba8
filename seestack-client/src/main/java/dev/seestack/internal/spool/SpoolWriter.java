package dev.seestack.internal.spool;

import dev.seestack.internal.transport.DaemonThreadFactory;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Appends spooled requests to segment files on its own thread ({@code seestack-spool-writer-1}): the caller only
 * offers to a bounded queue. The same thread first opens the directory and recovers what earlier processes left
 * (so a slow disk never delays application start), rolls to a new segment every {@code segmentBytes}, and syncs
 * a segment to disk when it is sealed and at close.
 */
final class SpoolWriter {
    /** Requests waiting to be written; beyond this, offers are refused and the caller counts its drop. */
    static final int MAX_QUEUED = 4096;
    private static final Entry STOP = new Entry(Feature.LOGS, 0, () -> new byte[0]);

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final SpoolLedger ledger;
    private final SpoolCounters counters;
    private final Diagnostics diagnostics;
    private final Runnable onWritten;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean failed;
    private SpoolDirectory directory;
    private Segment active;
    private long recoveredItems;

    SpoolWriter(Path dir, long maxBytes, SpoolLedger ledger, SpoolCounters counters, Diagnostics diagnostics,
            Runnable onWritten) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytesFor(maxBytes);
        this.ledger = ledger;
        this.counters = counters;
        this.diagnostics = diagnostics;
        this.onWritten = onWritten;
        this.thread = new DaemonThreadFactory("spool-writer").newThread(this::run);
    }

    /** Segments small enough that evicting the oldest one gives back a small share of the cap. */
    static long segmentBytesFor(long maxBytes) {
        return Math.max(16 * 1024, Math.min(4L * 1024 * 1024, maxBytes / 8));
    }

    void start() {
        thread.start();
    }

    /** Queues one request for writing; false when the queue is full, the spool failed, or it is closing. */
    boolean offer(Feature feature, int itemCount, Supplier<byte[]> body) {
        return accepting && !failed && queue.offer(new Entry(feature, itemCount, body));
    }

    /** Waits until the directory is open and earlier segments are recovered (or that failed). */
    boolean awaitReady(long timeoutMs) throws InterruptedException {
        return ready.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    boolean isFailed() {
        return failed;
    }

    long recoveredItems() {
        return recoveredItems;
    }

    /**
     * Stops accepting, writes what is queued within {@code timeoutMs}, then syncs and closes every segment and
     * releases the directory lock; what could not be written is counted as dropped.
     */
    void close(long timeoutMs) {
        accepting = false;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            while (thread.isAlive() && !queue.offer(STOP, 10, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - end > 0) {
                    break;
                }
            }
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropQueued();
    }

    private void run() {
        try {
            recover();
        } catch (IOException | RuntimeException e) {
            failed = true;
            diagnostics.alertOnce("WARN", "spool-open", "SeeStack SDK: cannot use spoolDir " + dir + " (" + e
                    + "); continuing without a disk spool");
        } finally {
            ready.countDown();
        }
        List<Entry> batch = new ArrayList<>();
        try {
            while (!failed) {
                batch.add(queue.take());
                queue.drainTo(batch, 255);
                boolean stop = false;
                for (Entry e : batch) {
                    if (e == STOP) {
                        stop = true;
                    } else {
                        write(e);
                    }
                }
                batch.clear();
                onWritten.run();
                if (stop) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what is queued is counted as dropped there
        } finally {
            if (directory != null) {
                ledger.closeAll();
                directory.close();
            }
            dropQueued();
        }
    }

    private void recover() throws IOException {
        directory = SpoolDirectory.open(dir);
        List<Path> paths = directory.adoptOrphans();
        long skipped = 0;
        for (Path path : paths) {
            FileChannel channel = SpoolDirectory.openSegment(path);
            SegmentFile.Scan scan = SegmentFile.scan(channel);
            Segment segment = new Segment(path, channel, channel.size());
            segment.pending.addAll(scan.pending);
            segment.sealed = true;
            skipped += scan.skippedBytes;
            for (RecordRef ref : scan.pending) {
                recoveredItems += ref.itemCount;
            }
            ledger.add(segment);
            ledger.seal(segment);
        }
        if (skipped > 0) {
            long bytes = skipped;
            diagnostics.warnOnce("spool-torn", "SeeStack SDK: skipped " + bytes + " bytes of a torn or corrupt"
                    + " spool record (the process was killed while writing); nothing of it is sent");
        }
        long recovered = recoveredItems;
        diagnostics.debug(() -> "spool " + directory.path() + ": owner " + directory.owner() + ", recovered "
                + recovered + " unsent items from " + paths.size() + " segments");
    }

    private void write(Entry e) {
        byte[] body;
        try {
            body = e.body.get();
        } catch (RuntimeException | StackOverflowError | LinkageError encodingBug) {
            counters.countDropped(e.feature, e.itemCount);
            diagnostics.debug(() -> "spool: could not encode a request, dropped: " + encodingBug);
            return;
        }
        long frame = SegmentFile.FRAME_BYTES + SegmentFile.PAYLOAD_PREFIX_BYTES + (long) body.length;
        if (frame > maxBytes / 2) {
            counters.countDropped(e.feature, e.itemCount);
            return;
        }
        try {
            if (active == null) {
                openActive();
            }
            RecordRef ref = SegmentFile.append(active.channel, active.bytes, e.feature, e.itemCount, body);
            ledger.appended(active, ref);
            if (active.bytes >= segmentBytes) {
                active.channel.force(false);
                ledger.seal(active);
                active = null;
            }
        } catch (IOException io) {
            counters.countDropped(e.feature, e.itemCount);
            diagnostics.alertOnce("WARN", "spool-write", "SeeStack SDK: could not write to spoolDir " + dir + " ("
                    + io + "); those items are counted in stats().droppedSpoolFull");
            if (active != null) {
                ledger.seal(active);
                active = null;
            }
        }
    }

    private void openActive() throws IOException {
        Path path = directory.nextSegmentPath();
        FileChannel channel = directory.createSegment(path);
        SegmentFile.writeHeader(channel);
        active = new Segment(path, channel, SegmentFile.HEADER_BYTES);
        ledger.add(active);
    }

    private void dropQueued() {
        Entry e;
        while ((e = queue.poll()) != null) {
            if (e != STOP) {
                counters.countDropped(e.feature, e.itemCount);
            }
        }
    }

    private static final class Entry {
        final Feature feature;
        final int itemCount;
        final Supplier<byte[]> body;

        Entry(Feature feature, int itemCount, Supplier<byte[]> body) {
            this.feature = feature;
            this.itemCount = itemCount;
            this.body = body;
        }
    }
}
