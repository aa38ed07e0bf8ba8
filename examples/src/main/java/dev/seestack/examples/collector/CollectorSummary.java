package dev.seestack.examples.collector;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a collector has received so far: accepted events per kind (each HTTP item counts as one event),
 * contract violations per kind, every rejection by HTTP status, and feature-flag evaluations.
 */
public final class CollectorSummary {
    private final Map<EventKind, Long> accepted;
    private final Map<EventKind, Long> validationFailures;
    private final Map<Integer, Long> rejectedByStatus;
    private final long flagEvaluations;

    CollectorSummary(Map<EventKind, Long> accepted, Map<EventKind, Long> validationFailures,
            Map<Integer, Long> rejectedByStatus, long flagEvaluations) {
        this.accepted = Collections.unmodifiableMap(new EnumMap<>(accepted));
        this.validationFailures = Collections.unmodifiableMap(new EnumMap<>(validationFailures));
        this.rejectedByStatus = Collections.unmodifiableMap(new TreeMap<>(rejectedByStatus));
        this.flagEvaluations = flagEvaluations;
    }

    /** Events of {@code kind} accepted with 202 (HTTP items are counted one by one, not per batch). */
    public long accepted(EventKind kind) {
        return accepted.getOrDefault(kind, 0L);
    }

    /** Requests to {@code kind}'s endpoint rejected with 422 because the body broke the contract. */
    public long validationFailures(EventKind kind) {
        return validationFailures.getOrDefault(kind, 0L);
    }

    /** All requests rejected with 422, over every endpoint. */
    public long validationFailures() {
        return validationFailures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests rejected with {@code status} (400, 401, 404, 405, 413, 415, 422, 500), 0 when none. */
    public long rejected(int status) {
        return rejectedByStatus.getOrDefault(status, 0L);
    }

    /** Rejected requests by HTTP status, in status order. */
    public Map<Integer, Long> rejectedByStatus() {
        return rejectedByStatus;
    }

    /** Flag evaluation requests answered with 200 (one per request, whether one flag or all). */
    public long flagEvaluations() {
        return flagEvaluations;
    }

    /** Multi-line text for the console, e.g. the summary printed when the standalone collector stops. */
    public String toText() {
        StringBuilder text = new StringBuilder("SeeStack local collector summary\n");
        for (EventKind kind : EventKind.values()) {
            text.append(String.format("  %-10s accepted %6d   contract violations %4d%n", kind.label(),
                    accepted(kind), validationFailures(kind)));
        }
        text.append(String.format("  %-10s answered %6d%n", "flags", flagEvaluations));
        if (rejectedByStatus.isEmpty()) {
            text.append("  no request rejected\n");
        } else {
            text.append("  rejected by status:");
            rejectedByStatus.forEach((status, count) -> text.append(' ').append(status).append('=').append(count));
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "CollectorSummary{accepted=" + accepted + ", validationFailures=" + validationFailures
                + ", rejectedByStatus=" + rejectedByStatus + ", flagEvaluations=" + flagEvaluations + "}";
    }
}
