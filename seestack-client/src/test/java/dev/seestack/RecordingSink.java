package dev.seestack;

import dev.seestack.internal.diag.DiagnosticSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Collects the SDK's warnings so tests can assert on them. */
public final class RecordingSink implements DiagnosticSink {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void report(String level, String message) {
        lines.add(level + " " + message);
    }

    public List<String> lines() {
        return lines;
    }

    public List<String> containing(String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).collect(Collectors.toList());
    }
}
