package dev.seestack.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The requests of one phase, handed out one ticket each to whichever thread of a contender asks: as fast as the
 * contender takes them, or paced at a rate (the i-th is due at {@code start + i / rate}). Every
 * {@value #SAMPLE_EVERY}th ticket also takes a {@link ThreadCensus} sample, so the census sees the threads at work.
 */
final class RequestTickets {
    private static final int SAMPLE_EVERY = 2000;

    private final long total;
    private final double intervalNanos;
    private final ThreadCensus census;
    private final AtomicLong next = new AtomicLong();
    private final long start = System.nanoTime();

    /** {@code total} tickets, {@code perSecond} a second (0: unpaced). */
    RequestTickets(long total, int perSecond, ThreadCensus census) {
        this.total = total;
        this.intervalNanos = perSecond > 0 ? 1e9 / perSecond : 0;
        this.census = census;
    }

    boolean paced() {
        return intervalNanos > 0;
    }

    /** Takes the next ticket, waiting until it is due when paced; false once all are taken. */
    boolean take() {
        long i = next.getAndIncrement();
        if (i >= total) {
            return false;
        }
        if (i % SAMPLE_EVERY == 0) {
            census.sample();
        }
        if (intervalNanos > 0) {
            long due = start + (long) (i * intervalNanos);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        }
        return true;
    }

    /** Tickets handed out (at most the total). */
    long taken() {
        return Math.min(total, next.get());
    }
}
