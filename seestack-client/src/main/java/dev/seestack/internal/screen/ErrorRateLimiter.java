package dev.seestack.internal.screen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code maxErrorsPerGroupPerMinute} option: per error group, at most N errors in each minute (a window
 * starting at the group's first error), the rest refused and counted until the next one allowed, which carries
 * the count. Groups beyond {@link #MAX_GROUPS} are forgotten least recently used first.
 */
public final class ErrorRateLimiter {
    /** The answer for an error that must not be sent. */
    public static final long REFUSED = -1;
    static final int MAX_GROUPS = 2048;
    private static final long MINUTE_MS = 60_000;

    private final int perMinute;
    private final LongSupplier clockMs;
    /** Guarded by {@code this}. */
    private final Map<String, Window> groups = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_GROUPS;
        }
    };

    /** A limiter of {@code perMinute} errors per group (0: unlimited), reading time (ms) from {@code clockMs}. */
    public ErrorRateLimiter(int perMinute, LongSupplier clockMs) {
        this.perMinute = perMinute;
        this.clockMs = clockMs;
    }

    /**
     * Decides for one error: {@link #REFUSED}, or the number of errors of its group refused since the last one
     * sent (0 usually), which the caller sends as {@code suppressedSinceLast}.
     */
    public long admit(Throwable throwable) {
        if (perMinute <= 0) {
            return 0;
        }
        String key = ErrorGroup.keyOf(throwable);
        long now = clockMs.getAsLong();
        synchronized (this) {
            Window w = groups.computeIfAbsent(key, k -> new Window(now));
            if (now - w.startMs >= MINUTE_MS) {
                w.startMs = now;
                w.sent = 0;
            }
            if (w.sent >= perMinute) {
                w.suppressed++;
                return REFUSED;
            }
            w.sent++;
            long suppressed = w.suppressed;
            w.suppressed = 0;
            return suppressed;
        }
    }

    private static final class Window {
        long startMs;
        int sent;
        long suppressed;

        Window(long startMs) {
            this.startMs = startMs;
        }
    }
}
