package dev.seestack.examples.collector;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe running counts of what the collector accepted and rejected; {@link #snapshot()} freezes them. */
final class CollectorCounters {
    private final Map<EventKind, AtomicLong> accepted = new EnumMap<>(EventKind.class);
    private final Map<EventKind, AtomicLong> validationFailures = new EnumMap<>(EventKind.class);
    private final Map<Integer, AtomicLong> rejectedByStatus = new ConcurrentHashMap<>();
    private final AtomicLong flagEvaluations = new AtomicLong();

    CollectorCounters() {
        for (EventKind kind : EventKind.values()) {
            accepted.put(kind, new AtomicLong());
            validationFailures.put(kind, new AtomicLong());
        }
    }

    void accepted(EventKind kind, int events) {
        accepted.get(kind).addAndGet(events);
    }

    void validationFailed(EventKind kind) {
        validationFailures.get(kind).incrementAndGet();
        rejected(422);
    }

    void rejected(int status) {
        rejectedByStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    void flagEvaluated() {
        flagEvaluations.incrementAndGet();
    }

    CollectorSummary snapshot() {
        Map<EventKind, Long> acceptedNow = new EnumMap<>(EventKind.class);
        Map<EventKind, Long> failuresNow = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            acceptedNow.put(kind, accepted.get(kind).get());
            failuresNow.put(kind, validationFailures.get(kind).get());
        }
        Map<Integer, Long> rejectedNow = new TreeMap<>();
        rejectedByStatus.forEach((status, count) -> rejectedNow.put(status, count.get()));
        return new CollectorSummary(acceptedNow, failuresNow, rejectedNow, flagEvaluations.get());
    }
}
