package dev.seestack.testkit;

import java.util.ArrayDeque;

/**
 * When the delay proxy's chunks fall due: each chunk read is due a fixed delay later, so the order they were read
 * in is the order they fall due, and one FIFO of the connections holding them orders every connection's writes.
 */
final class DelayLine {
    private record Entry(long due, DelayedConnection connection) {
    }

    private final long delayNanos;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    DelayLine(long delayNanos) {
        this.delayNanos = delayNanos;
    }

    /** The due time of a chunk read now. */
    long dueFromNow() {
        return System.nanoTime() + delayNanos;
    }

    /** Notes that {@code connection} has a chunk due at {@code due} (a time from {@link #dueFromNow}). */
    void schedule(long due, DelayedConnection connection) {
        Entry last = entries.peekLast();
        if (last == null || last.due != due || last.connection != connection) {
            entries.addLast(new Entry(due, connection));
        }
    }

    /** Nanoseconds from {@code now} until the next chunk is due (0 or less: due already), or Long.MAX_VALUE. */
    long nanosUntilNext(long now) {
        Entry next = entries.peekFirst();
        return next == null ? Long.MAX_VALUE : next.due - now;
    }

    /** Has every connection holding a chunk due by {@code now} write what is due. */
    void writeDue(long now) {
        Entry next;
        while ((next = entries.peekFirst()) != null && next.due - now <= 0) {
            entries.pollFirst();
            next.connection.writeDue(now);
        }
    }
}
