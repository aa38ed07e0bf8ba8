package dev.seestack.internal.diag;

/** Where the SDK's own warnings go: stderr by default, the logging framework's status channel in adapters. */
public interface DiagnosticSink {
    /** Prints to stderr with a {@code [seestack]} prefix. */
    DiagnosticSink STDERR = (level, message) -> System.err.println("[seestack] " + level + " " + message);

    /** Reports one diagnostic line; must not throw and must not log through the application's logger. */
    void report(String level, String message);
}
