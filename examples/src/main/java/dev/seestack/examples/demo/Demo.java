package dev.seestack.examples.demo;

import dev.seestack.examples.collector.CollectorOptions;
import dev.seestack.examples.collector.CollectorSummary;
import dev.seestack.examples.collector.EventKind;
import dev.seestack.examples.collector.LocalCollector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The runnable SeeStack demo. Without {@code SEESTACK_HOST} it starts the local collector in-process on a free
 * port, runs {@link DemoRun} against it, then prints what the collector received and its summary. With
 * {@code SEESTACK_HOST} and {@code SEESTACK_API_KEY} set it sends to that instance instead and prints the SDK's
 * counters.
 */
public final class Demo {
    private Demo() {
    }

    /** Runs the demo; exits with status 1 when something did not arrive or broke the contract. */
    public static void main(String[] args) throws Exception {
        DemoTarget target = DemoTarget.fromEnvironment(System::getenv);
        boolean succeeded;
        if (target == null) {
            succeeded = runWithEmbeddedCollector(System.out).succeeded();
        } else {
            System.out.println("SEESTACK_HOST is set: sending to " + target.host() + " (no embedded collector)");
            DemoResult result = DemoRun.run(target, System.out);
            succeeded = result.flushed();
            System.out.println(succeeded ? "Flushed: see the counters above (sent = delivered and accepted)."
                    : "Not everything was delivered within the flush deadline (see the counters above).");
        }
        System.out.flush();
        if (!succeeded) {
            System.exit(1);
        }
    }

    /**
     * Starts the local collector on a free port, runs the demo against it and prints, on {@code out}: the demo's
     * narration, then the collector's event lines, then its summary.
     */
    public static DemoReport runWithEmbeddedCollector(PrintStream out) throws Exception {
        ByteArrayOutputStream eventLines = new ByteArrayOutputStream();
        PrintStream collectorOut = new PrintStream(eventLines, true, StandardCharsets.UTF_8);
        try (LocalCollector collector = LocalCollector.start(CollectorOptions.builder().port(0).out(collectorOut).build())) {
            out.println("Local collector started on " + collector.url() + " (set SEESTACK_HOST to use a real instance)");
            out.println();
            DemoResult result = DemoRun.run(DemoTarget.localCollector(collector.url()), out);
            CollectorSummary summary = collector.summary();
            Map<EventKind, List<String>> bodies = new EnumMap<>(EventKind.class);
            for (EventKind kind : EventKind.values()) {
                bodies.put(kind, collector.receivedBodies(kind));
            }
            DemoReport report = new DemoReport(result, summary, bodies);
            out.println();
            out.println("What the collector received:");
            collectorOut.flush();
            out.print(eventLines.toString(StandardCharsets.UTF_8));
            out.println();
            out.print(summary.toText());
            out.println(verdict(report));
            return report;
        }
    }

    private static String verdict(DemoReport report) {
        CollectorSummary summary = report.summary();
        long events = 0;
        for (EventKind kind : EventKind.values()) {
            events += summary.accepted(kind);
        }
        if (report.succeeded()) {
            return "OK: " + events + " events of every kind arrived and all validated against the contract"
                    + " (0 validation failures), " + summary.flagEvaluations() + " flag evaluations answered.";
        }
        return "PROBLEM: some kind is missing or was rejected (validation failures: " + summary.validationFailures()
                + ", rejected: " + summary.rejectedByStatus() + ").";
    }
}
