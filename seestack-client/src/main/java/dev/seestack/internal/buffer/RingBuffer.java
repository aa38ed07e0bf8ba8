package dev.seestack.internal.buffer;

import java.util.List;

/**
 * A bounded FIFO that never blocks its producers: when full, offering an item evicts the oldest one,
 * which is returned so that the caller can count the drop.
 */
public final class RingBuffer<T> {
    private final Object[] items;
    private int head;
    private int size;
    /** The size as of the last change, readable without the lock (producers check triggers with it). */
    private volatile int publishedSize;

    public RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.items = new Object[capacity];
    }

    /** Appends {@code item}; returns the evicted oldest item when the buffer was full, else null. */
    @SuppressWarnings("unchecked")
    public synchronized T offer(T item) {
        int capacity = items.length;
        if (size == capacity) {
            T evicted = (T) items[head];
            items[head] = item;
            head = (head + 1) % capacity;
            return evicted;
        }
        items[(head + size) % capacity] = item;
        size++;
        publishedSize = size;
        return null;
    }

    /** Removes and returns the oldest item, or null when empty. */
    @SuppressWarnings("unchecked")
    public synchronized T poll() {
        if (size == 0) {
            return null;
        }
        T item = (T) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        size--;
        publishedSize = size;
        return item;
    }

    /** Moves up to {@code max} oldest items into {@code sink}; returns how many were moved. */
    @SuppressWarnings("unchecked")
    public synchronized int drainTo(List<? super T> sink, int max) {
        int n = Math.min(max, size);
        for (int i = 0; i < n; i++) {
            sink.add((T) items[head]);
            items[head] = null;
            head = (head + 1) % items.length;
        }
        size -= n;
        publishedSize = size;
        return n;
    }

    /** The number of buffered items, as of the last change (no lock taken). */
    public int size() {
        return publishedSize;
    }

    public int capacity() {
        return items.length;
    }
}
