package dev.seestack.internal.diag;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Makes every kind of loss visible without {@code debug}: the first drop of a feature for a cause prints one line on
 * the status channel and stderr, later ones again after 1 min, 5 min, 15 min, then hourly, each line with the count
 * since the previous one. In debug mode every drop is also printed as it happens.
 */
public final class DropWarnings {
    /** Growing gaps between two lines of one feature and cause; the last repeats. */
    static final long[] GAPS_NANOS = {TimeUnit.MINUTES.toNanos(1), TimeUnit.MINUTES.toNanos(5),
        TimeUnit.MINUTES.toNanos(15), TimeUnit.HOURS.toNanos(1)};

    /** Why items were dropped, with the {@code stats()} counter they are in. */
    public enum Cause {
        BUFFER_FULL("the buffer was full", "droppedBufferFull"),
        RETRIES_SPENT("retries spent", "droppedAfterRetries"),
        UNCONFIRMED("retries spent, the last attempt sent but never answered: it may have been stored",
                "unconfirmed"),
        DEADLINE("not delivered by the close deadline", "droppedDisabled"),
        REJECTED("rejected by the backend", "rejected");

        private final String reason;
        private final String counter;

        Cause(String reason, String counter) {
            this.reason = reason;
            this.counter = counter;
        }
    }

    private final Diagnostics diagnostics;
    private final LongSupplier nanoClock;
    private final String[] features;
    private final Slot[] slots;

    /** {@code features}: the names of the features drops are recorded for, by index; {@code nanoClock}: now. */
    public DropWarnings(Diagnostics diagnostics, LongSupplier nanoClock, String... features) {
        this.diagnostics = diagnostics;
        this.nanoClock = nanoClock;
        this.features = features.clone();
        this.slots = new Slot[features.length * Cause.values().length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    /** Records {@code count} items of feature {@code feature} (its index) dropped for {@code cause}; never throws. */
    public void record(int feature, Cause cause, long count) {
        Slot slot = slots[feature * Cause.values().length + cause.ordinal()];
        slot.sinceLast.addAndGet(count);
        if (diagnostics.isDebug()) {
            diagnostics.debug(() -> "dropped " + count + " " + features[feature] + " (" + cause.reason + ")");
        }
        if (!slot.reported || nanoClock.getAsLong() - slot.nextAt >= 0) {
            report(feature, cause, slot);
        }
    }

    /** Prints the lines that are due with drops since the last one (the pipeline's timer calls it). */
    public void reportDue() {
        long now = nanoClock.getAsLong();
        for (int i = 0; i < slots.length; i++) {
            Slot slot = slots[i];
            if (slot.reported && slot.sinceLast.get() > 0 && now - slot.nextAt >= 0) {
                report(i / Cause.values().length, Cause.values()[i % Cause.values().length], slot);
            }
        }
    }

    private void report(int feature, Cause cause, Slot slot) {
        String line;
        synchronized (slot) {
            long now = nanoClock.getAsLong();
            if (slot.reported && now - slot.nextAt < 0) {
                return; // another thread printed it
            }
            long n = slot.sinceLast.getAndSet(0);
            if (n == 0) {
                return;
            }
            slot.total += n;
            long gap = GAPS_NANOS[Math.min(slot.lines, GAPS_NANOS.length - 1)];
            slot.nextAt = now + gap;
            String stat = "stats()." + features[feature] + "()." + cause.counter;
            line = "SeeStack SDK: " + features[feature] + " dropped (" + cause.reason + "): "
                    + (slot.reported ? n + " since the last report, " + slot.total + " in all (" : n + " (") + stat
                    + "); the next report comes " + TimeUnit.NANOSECONDS.toMinutes(gap) + " min later at the earliest";
            slot.reported = true;
            slot.lines++;
        }
        diagnostics.alert("WARN", line);
    }

    /** One feature and cause: drops since its last line, and when the next may be printed. */
    private static final class Slot {
        final AtomicLong sinceLast = new AtomicLong();
        volatile boolean reported;
        /** Guarded by this slot. */
        volatile long nextAt;
        long total;
        int lines;
    }
}
