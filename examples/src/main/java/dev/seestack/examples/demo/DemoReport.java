package dev.seestack.examples.demo;

import dev.seestack.examples.collector.CollectorSummary;
import dev.seestack.examples.collector.EventKind;
import java.util.List;
import java.util.Map;

/**
 * A demo run against the embedded collector: what the demo did, and what the collector received.
 *
 * @param result what the demo did
 * @param summary the collector's counts after the final flush
 * @param bodies the accepted request bodies per kind, in arrival order
 */
public record DemoReport(DemoResult result, CollectorSummary summary, Map<EventKind, List<String>> bodies) {

    /** Whether every kind arrived, both flags were answered, and the collector rejected nothing. */
    public boolean succeeded() {
        for (EventKind kind : EventKind.values()) {
            if (summary.accepted(kind) == 0) {
                return false;
            }
        }
        return summary.flagEvaluations() >= 2 && summary.validationFailures() == 0
                && summary.rejectedByStatus().isEmpty();
    }
}
