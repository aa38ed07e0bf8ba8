package dev.seestack.internal.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RingBufferTest {

    @Test
    void itemsComeOutInTheOrderTheyWentInAcrossManyLaps() {
        RingBuffer<Integer> buffer = new RingBuffer<>(3);
        for (int i = 0; i < 10; i++) {
            assertNull(buffer.offer(i));
            assertNull(buffer.offer(100 + i));
            assertEquals(2, buffer.size());
            assertEquals(i, buffer.poll());
            assertEquals(100 + i, buffer.poll());
            assertNull(buffer.poll());
            assertEquals(0, buffer.size());
        }
    }

    @Test
    void offeringToAFullBufferEvictsAndReturnsTheOldestItem() {
        RingBuffer<String> buffer = new RingBuffer<>(2);
        buffer.offer("a");
        buffer.offer("b");
        assertEquals("a", buffer.offer("c"));
        assertEquals(2, buffer.size());
        List<String> evicted = new ArrayList<>();
        buffer.offer("d", evicted::add);
        assertEquals(List.of("b"), evicted);
        List<String> drained = new ArrayList<>();
        assertEquals(2, buffer.drainTo(drained, 10));
        assertEquals(List.of("c", "d"), drained);
    }

    @Test
    void reachingTheByteBoundBeforeTheItemBoundEvictsTheOldestItems() {
        RingBuffer<String> buffer = new RingBuffer<>(100, 10, String::length);
        List<String> evicted = new ArrayList<>();
        buffer.offer("aaaa", evicted::add);
        buffer.offer("bbbb", evicted::add);
        assertEquals(List.of(), evicted);
        assertEquals(8, buffer.bytes());

        buffer.offer("cccccc", evicted::add); // 14 bytes: the oldest goes, 10 remain

        assertEquals(List.of("aaaa"), evicted);
        assertEquals(10, buffer.bytes());
        assertEquals("bbbb", buffer.poll());
        assertEquals(6, buffer.bytes());
        assertEquals("cccccc", buffer.poll());
        assertEquals(0, buffer.bytes());
    }

    @Test
    void anItemHeavierThanTheByteBoundIsStillBufferedAlone() {
        RingBuffer<String> buffer = new RingBuffer<>(100, 4, String::length);
        List<String> evicted = new ArrayList<>();
        buffer.offer("ab", evicted::add);
        buffer.offer("a very long item", evicted::add);

        assertEquals(List.of("ab"), evicted);
        assertEquals(1, buffer.size());
        assertEquals("a very long item", buffer.poll());
    }

    @Test
    void aBufferOfOneHoldsExactlyOneItem() {
        RingBuffer<String> buffer = new RingBuffer<>(1);
        assertNull(buffer.offer("a"));
        assertEquals("a", buffer.offer("b"));
        assertEquals(1, buffer.size());
        assertEquals("b", buffer.poll());
        assertNull(buffer.poll());
    }

    @Test
    void drainToMovesAtMostTheRequestedNumberOfOldestItems() {
        RingBuffer<Integer> buffer = new RingBuffer<>(8);
        for (int i = 0; i < 5; i++) {
            buffer.offer(i);
        }
        List<Integer> first = new ArrayList<>();
        assertEquals(3, buffer.drainTo(first, 3));
        assertEquals(List.of(0, 1, 2), first);
        assertEquals(2, buffer.size());
    }

    /**
     * The buffer takes no lock, so concurrent producers (evicting when full) and consumers must between
     * them account for every item exactly once: delivered by a consumer, handed back as evicted, or still buffered.
     */
    @Test
    @Timeout(60) // a broken buffer can make a producer spin forever: fail instead of hanging the build
    void concurrentProducersAndConsumersLoseAndDuplicateNothing() throws Exception {
        int producers = 4;
        int perProducer = 50_000;
        RingBuffer<Integer> buffer = new RingBuffer<>(64);
        AtomicBoolean producing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Integer>[] evictedBy = newLists(producers);
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < perProducer; i++) {
                    buffer.offer(id * perProducer + i, evictedBy[id]::add);
                }
            }));
        }
        List<Integer>[] consumedBy = newLists(2);
        for (int c = 0; c < 2; c++) {
            int id = c;
            threads.add(new Thread(() -> {
                await(start);
                while (producing.get()) {
                    Integer item = buffer.poll();
                    if (item != null) {
                        consumedBy[id].add(item);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (int p = 0; p < producers; p++) {
            threads.get(p).join();
        }
        producing.set(false);
        for (int c = producers; c < threads.size(); c++) {
            threads.get(c).join();
        }
        BitSet all = new BitSet(producers * perProducer);
        long total = 0;
        List<List<Integer>> sources = new ArrayList<>(List.of(evictedBy));
        sources.addAll(List.of(consumedBy));
        List<Integer> rest = new ArrayList<>();
        buffer.drainTo(rest, Integer.MAX_VALUE);
        sources.add(rest);
        for (List<Integer> source : sources) {
            for (int item : source) {
                assertTrue(!all.get(item), "item " + item + " came out twice");
                all.set(item);
                total++;
            }
        }
        assertEquals((long) producers * perProducer, total);
        assertEquals(producers * perProducer, all.cardinality());
        assertTrue(rest.size() <= 64);
        assertEquals(0, buffer.size());
    }

    @SuppressWarnings("unchecked")
    private static List<Integer>[] newLists(int n) {
        List<Integer>[] lists = new List[n];
        for (int i = 0; i < n; i++) {
            lists[i] = new ArrayList<>();
        }
        return lists;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
