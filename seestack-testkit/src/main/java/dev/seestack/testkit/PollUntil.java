package dev.seestack.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on a condition instead of sleeping: polls every few milliseconds until it holds or a deadline passes. */
public final class PollUntil {
    private static final long POLL_INTERVAL_MS = 5;

    private PollUntil() {
    }

    /** Waits up to {@code timeout} for {@code condition}; fails with {@code description} otherwise. */
    public static void await(Duration timeout, String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: " + description);
            }
            pause();
        }
    }

    /** Waits up to 10 s for {@code condition}. */
    public static void await(String description, BooleanSupplier condition) {
        await(Duration.ofSeconds(10), description, condition);
    }

    /** Waits until {@code condition} holds, then returns {@code value.get()}; a failure message shows the last value. */
    public static <T> T awaitValue(Duration timeout, Supplier<T> value, java.util.function.Predicate<T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms; last value: " + last);
            }
            pause();
            last = value.get();
        }
        return last;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
