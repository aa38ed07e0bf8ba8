package dev.seestack.examples.collector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The accepted request bodies per kind, newest last; keeps the latest {@value #MAX_KEPT_PER_KIND} of each kind. */
final class ReceivedBodies {
    static final int MAX_KEPT_PER_KIND = 10_000;

    private final Map<EventKind, Deque<String>> bodies = new EnumMap<>(EventKind.class);

    ReceivedBodies() {
        for (EventKind kind : EventKind.values()) {
            bodies.put(kind, new ArrayDeque<>());
        }
    }

    void add(EventKind kind, String body) {
        Deque<String> deque = bodies.get(kind);
        synchronized (deque) {
            if (deque.size() == MAX_KEPT_PER_KIND) {
                deque.removeFirst();
            }
            deque.addLast(body);
        }
    }

    List<String> of(EventKind kind) {
        Deque<String> deque = bodies.get(kind);
        synchronized (deque) {
            return List.copyOf(new ArrayList<>(deque));
        }
    }
}
