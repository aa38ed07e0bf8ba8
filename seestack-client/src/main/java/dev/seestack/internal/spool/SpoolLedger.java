package dev.seestack.internal.spool;

import dev.seestack.internal.event.Feature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The segments of one process, oldest first, with their unanswered records and total size. Enforces
 * {@code spoolMaxBytes} by evicting the oldest segment (counting its unanswered items as
 * {@code droppedSpoolFull}) and deletes a segment once every record in it was answered.
 */
final class SpoolLedger {
    /** How a resent record was answered. */
    enum Outcome {
        /** 2xx. */
        DELIVERED,
        /** A permanent-drop status (400/403/404/422): never sent again. */
        REJECTED,
        /** 5xx, 429, a timeout or network failure: stays, to be resent later. */
        RETRY_LATER,
        /** Its bytes no longer match their CRC: dropped, never sent. */
        UNREADABLE
    }

    private final Deque<Segment> segments = new ArrayDeque<>();
    private final long maxBytes;
    private final SpoolCounters counters;
    private final Consumer<String> warn;
    private long totalBytes;
    /** Unanswered items per feature (by ordinal), in flight included. */
    private final long[] unanswered = new long[Feature.values().length];

    SpoolLedger(long maxBytes, SpoolCounters counters, Consumer<String> warn) {
        this.maxBytes = maxBytes;
        this.counters = counters;
        this.warn = warn;
    }

    /** Adds a segment after the others (recovered at start, or a new active one). */
    synchronized void add(Segment segment) {
        for (RecordRef ref : segment.pending) {
            unanswered[ref.feature.ordinal()] += ref.itemCount;
        }
        segments.addLast(segment);
        totalBytes += segment.bytes;
        evictWhileOver(segment);
    }

    /** Records a fully written record of the active segment; evicts the oldest segments while over the cap. */
    synchronized void appended(Segment active, RecordRef ref) {
        active.pending.addLast(ref);
        unanswered[ref.feature.ordinal()] += ref.itemCount;
        active.bytes += ref.frameBytes();
        totalBytes += ref.frameBytes();
        evictWhileOver(active);
    }

    /** No more records go into {@code segment}; it is deleted once all of its records are answered. */
    synchronized void seal(Segment segment) {
        segment.sealed = true;
        if (segment.isDone() && !segment.removed) {
            remove(segment);
        }
    }

    /** The oldest unanswered record, now in flight; null when there is none (or one is in flight already). */
    synchronized Taken takeNext() {
        Iterator<Segment> it = segments.iterator();
        while (it.hasNext()) {
            Segment s = it.next();
            if (s.inFlight != null) {
                return null;
            }
            RecordRef ref = s.pending.pollFirst();
            if (ref != null) {
                s.inFlight = ref;
                return new Taken(s, ref);
            }
            if (s.isDone()) {
                it.remove();
                totalBytes -= s.bytes;
                deleteQuietly(s);
            }
        }
        return null;
    }

    /** Settles the record {@link #takeNext} handed out. */
    synchronized void answered(Taken taken, Outcome outcome) {
        Segment s = taken.segment;
        RecordRef ref = taken.record;
        s.inFlight = null;
        if (outcome == Outcome.RETRY_LATER) {
            if (s.removed) {
                counters.countDropped(ref.feature, ref.itemCount); // evicted while it was in flight
                unanswered[ref.feature.ordinal()] -= ref.itemCount;
            } else {
                s.pending.addFirst(ref);
            }
        } else {
            unanswered[ref.feature.ordinal()] -= ref.itemCount;
            if (outcome == Outcome.DELIVERED) {
                counters.countResent(ref.feature, ref.itemCount);
            } else if (outcome == Outcome.REJECTED) {
                counters.countRejected(ref.feature, ref.itemCount);
            } else {
                counters.countDropped(ref.feature, ref.itemCount);
            }
            if (!s.removed) {
                try {
                    SegmentFile.markAnswered(s.channel, ref);
                } catch (IOException e) {
                    warn.accept("could not mark a resent record in " + s.path + ": " + e);
                }
            }
        }
        if (s.removed) {
            closeQuietly(s);
        } else if (s.isDone()) {
            remove(s);
        }
    }

    /** Unanswered items of {@code feature} on disk (in flight included). */
    synchronized long backlog(Feature feature) {
        return unanswered[feature.ordinal()];
    }

    synchronized boolean hasUnanswered() {
        for (Segment s : segments) {
            if (!s.pending.isEmpty() || s.inFlight != null) {
                return true;
            }
        }
        return false;
    }

    synchronized long totalBytes() {
        return totalBytes;
    }

    /** Seals and closes every segment, deleting the ones fully answered; the rest stay for the next start. */
    synchronized void closeAll() {
        for (Segment s : new ArrayList<>(segments)) {
            s.sealed = true;
            if (s.isDone()) {
                remove(s);
                continue;
            }
            try {
                s.channel.force(false);
            } catch (IOException e) {
                warn.accept("could not sync " + s.path + ": " + e);
            }
            closeQuietly(s);
        }
        segments.clear();
    }

    private void evictWhileOver(Segment keep) {
        while (totalBytes > maxBytes) {
            Segment oldest = segments.peekFirst();
            if (oldest == null || oldest == keep) {
                return;
            }
            List<RecordRef> lost = new ArrayList<>(oldest.pending);
            for (RecordRef ref : lost) {
                counters.countDropped(ref.feature, ref.itemCount);
                unanswered[ref.feature.ordinal()] -= ref.itemCount;
            }
            oldest.pending.clear();
            segments.pollFirst();
            totalBytes -= oldest.bytes;
            oldest.removed = true;
            try {
                java.nio.file.Files.deleteIfExists(oldest.path);
            } catch (IOException e) {
                warn.accept("could not delete evicted segment " + oldest.path + ": " + e);
            }
            if (oldest.inFlight == null) {
                closeQuietly(oldest);
            }
        }
    }

    private void remove(Segment s) {
        segments.remove(s);
        totalBytes -= s.bytes;
        deleteQuietly(s);
    }

    private void deleteQuietly(Segment s) {
        try {
            s.delete();
        } catch (IOException e) {
            warn.accept("could not delete answered segment " + s.path + ": " + e);
        }
    }

    private static void closeQuietly(Segment s) {
        try {
            s.channel.close();
        } catch (IOException ignored) {
            // the file is gone or going; nothing more to do
        }
    }

    /** A record handed out for resending, with its segment. */
    static final class Taken {
        final Segment segment;
        final RecordRef record;

        Taken(Segment segment, RecordRef record) {
            this.segment = segment;
            this.record = record;
        }
    }
}
