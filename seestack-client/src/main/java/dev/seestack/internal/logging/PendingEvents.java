package dev.seestack.internal.logging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Events that appenders waiting for a shared client (no {@code apiKey}/{@code host} of their own) received before
 * any client was installed, e.g. logs written while Spring Boot starts, before its context creates the client.
 * Bounded: past {@link #CAPACITY} the oldest are dropped. Replayed, in order, once a client is installed.
 */
public final class PendingEvents {
    /** At most this many events are kept before a client exists. */
    public static final int CAPACITY = 1000;

    private static final Object LOCK = new Object();
    private static final ArrayDeque<Entry> EVENTS = new ArrayDeque<>();

    private PendingEvents() {
    }

    static void keep(LogEventRouter router, FrameworkEvent event) {
        synchronized (LOCK) {
            if (EVENTS.size() >= CAPACITY) {
                EVENTS.pollFirst();
            }
            EVENTS.addLast(new Entry(router, event));
        }
    }

    /** Routes every kept event through the router that received it (the registry calls this after an install). */
    public static void replay() {
        List<Entry> taken;
        synchronized (LOCK) {
            if (EVENTS.isEmpty()) {
                return;
            }
            taken = new ArrayList<>(EVENTS);
            EVENTS.clear();
        }
        for (Entry e : taken) {
            e.router.route(e.event);
        }
    }

    /** Number of events kept (tests). */
    public static int size() {
        synchronized (LOCK) {
            return EVENTS.size();
        }
    }

    private static final class Entry {
        final LogEventRouter router;
        final FrameworkEvent event;

        Entry(LogEventRouter router, FrameworkEvent event) {
            this.router = router;
            this.event = event;
        }
    }
}
