package dev.seestack.internal.buffer;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * A bounded FIFO that never blocks its producers: when full, offering an item evicts the oldest one,
 * which is handed back so that the caller can count the drop.
 *
 * <p>Lock-free (a bounded multi-producer, multi-consumer array queue after D. Vyukov: each slot
 * carries a sequence number saying whether it is free for the producer of a given position or filled for
 * its consumer). The application's thread only claims a position with one compare-and-set and publishes
 * the item with one ordered write; it never waits for a monitor that a sender thread, descheduled on a
 * busy machine, might be holding. Nothing is allocated per item; each slot costs 4 bytes more than a plain
 * array (its sequence, kept relative to the slot's index and compared modulo 2^32, so it needs no setup).
 *
 * <p>Besides its capacity in items it may be bounded in bytes: each item's weight (an estimate of the heap it
 * retains, which must not change while it is buffered) is added on offer and taken off on poll, and an offer that
 * takes the total past {@code maxBytes} evicts the oldest items until it is back within, keeping at least the newest.
 */
public final class RingBuffer<T> {
    private final Object[] items;
    private final int capacity;
    /**
     * Per slot, minus the slot's index (so all start at 0): {@code position} when free for the producer of that
     * position, {@code position + 1} once filled; truncated to int, differences taken modulo 2^32.
     */
    private final AtomicIntegerArray sequences;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong head = new AtomicLong();
    private final long maxBytes;
    private final ToIntFunction<? super T> weigher;
    /** The weights of the items buffered (momentarily also of an item being offered). */
    private final AtomicLong bytes = new AtomicLong();

    /** A buffer bounded by {@code capacity} items only. */
    public RingBuffer(int capacity) {
        this(capacity, Long.MAX_VALUE, item -> 0);
    }

    /** A buffer bounded by {@code capacity} items and by {@code maxBytes} of its items' {@code weigher} weights. */
    public RingBuffer(int capacity, long maxBytes, ToIntFunction<? super T> weigher) {
        if (capacity < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("capacity and maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.weigher = weigher;
        // the sequences tell a full slot from a free one only with two slots or more; one item is held in two
        this.capacity = capacity;
        this.items = new Object[Math.max(2, capacity)];
        this.sequences = new AtomicIntegerArray(items.length);
    }

    /** Appends {@code item}; returns the evicted oldest item when the buffer was full, else null. */
    public T offer(T item) {
        Object[] first = new Object[1];
        offer(item, evicted -> {
            if (first[0] == null) {
                first[0] = evicted;
            }
        });
        @SuppressWarnings("unchecked")
        T evicted = (T) first[0];
        return evicted;
    }

    /**
     * Appends {@code item}, evicting the oldest items while the buffer is full; each evicted item is handed to
     * {@code onEvicted} on this thread (more than one only when other producers refill the freed slot first).
     */
    public void offer(T item, Consumer<? super T> onEvicted) {
        // counted before it is visible, so a consumer never takes off a weight not yet added
        long total = bytes.addAndGet(weigher.applyAsInt(item));
        int spins = 0;
        while (!tryAppend(item)) {
            T evicted = poll();
            if (evicted != null) {
                onEvicted.accept(evicted);
            } else if (++spins < 64) {
                // full, but the oldest slot is being taken by a consumer right now: it frees in a moment
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        if (total > maxBytes) {
            evictOverBytes(onEvicted);
        }
    }

    /** Evicts the oldest items while the weights exceed {@code maxBytes}, never the last one buffered. */
    private void evictOverBytes(Consumer<? super T> onEvicted) {
        while (bytes.get() > maxBytes && size() > 1) {
            T evicted = poll();
            if (evicted == null) {
                return;
            }
            onEvicted.accept(evicted);
        }
    }

    private boolean tryAppend(T item) {
        int slots = items.length;
        while (true) {
            long position = tail.get();
            if (slots != capacity && position - head.get() >= capacity) {
                return false;
            }
            int slot = (int) (position % slots);
            int diff = sequences.get(slot) - (int) (position - slot);
            if (diff == 0) {
                if (tail.compareAndSet(position, position + 1)) {
                    items[slot] = item;
                    sequences.lazySet(slot, (int) (position + 1 - slot)); // publishes the item (ordered after the write above)
                    return true;
                }
            } else if (diff < 0) {
                return false; // the slot still holds the item of the previous lap: full
            }
            // else another producer claimed this position first: retry with the new tail
        }
    }

    /**
     * Removes and returns the oldest item, or null when empty (also, momentarily, when the oldest position is
     * claimed by a producer that has not published its item yet).
     */
    @SuppressWarnings("unchecked")
    public T poll() {
        int slots = items.length;
        while (true) {
            long position = head.get();
            int slot = (int) (position % slots);
            int diff = sequences.get(slot) - (int) (position + 1 - slot);
            if (diff == 0) {
                if (head.compareAndSet(position, position + 1)) {
                    T item = (T) items[slot];
                    items[slot] = null;
                    sequences.lazySet(slot, (int) (position + slots - slot)); // frees the slot for the next lap
                    bytes.addAndGet(-weigher.applyAsInt(item));
                    return item;
                }
            } else if (diff < 0) {
                return null;
            }
            // else another consumer took this position first: retry with the new head
        }
    }

    /** Moves up to {@code max} oldest items into {@code sink}; returns how many were moved. */
    public int drainTo(List<? super T> sink, int max) {
        int n = 0;
        T item;
        while (n < max && (item = poll()) != null) {
            sink.add(item);
            n++;
        }
        return n;
    }

    /** The number of buffered items (a snapshot without a lock; exact when no offer or poll is under way). */
    public int size() {
        long h = head.get();
        long size = tail.get() - h;
        return (int) Math.max(0, Math.min(capacity, size));
    }

    public int capacity() {
        return capacity;
    }

    /** The weights of the buffered items (a snapshot, like {@link #size}). */
    public long bytes() {
        return bytes.get();
    }

    /** The bound of {@link #bytes} ({@code Long.MAX_VALUE} when bounded in items only). */
    public long maxBytes() {
        return maxBytes;
    }
}
