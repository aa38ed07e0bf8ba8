package dev.seestack.internal.diag;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SDK's own diagnostics: debug lines to stderr when {@code debug} is on, warnings to a sink.
 * Never goes through the application's logger (that would loop back into the SDK).
 */
public final class Diagnostics {
    private final boolean debug;
    private final DiagnosticSink sink;
    private final Set<String> warnedKeys = ConcurrentHashMap.newKeySet();

    public Diagnostics(boolean debug, DiagnosticSink sink) {
        this.debug = debug;
        this.sink = sink == null ? DiagnosticSink.STDERR : sink;
    }

    public boolean isDebug() {
        return debug;
    }

    /** Prints a debug line to stderr when debug is on; the message is only built then. */
    public void debug(Supplier<String> message) {
        if (debug) {
            try {
                System.err.println("[seestack] DEBUG " + message.get());
            } catch (RuntimeException ignored) {
                // a diagnostic must never hurt the application
            }
        }
    }

    /** Reports a warning. */
    public void warn(String message) {
        try {
            sink.report("WARN", message);
        } catch (RuntimeException ignored) {
            // a broken sink must never hurt the application
        }
    }

    /** Reports an error-level diagnostic (configuration problems). */
    public void error(String message) {
        try {
            sink.report("ERROR", message);
        } catch (RuntimeException ignored) {
            // a broken sink must never hurt the application
        }
    }

    /**
     * Reports a runtime condition the user must see (401, plain HTTP refused, TLS failure)
     * once per {@code key}: to the sink and, when the sink is a framework's status channel that may print nothing
     * after start-up, also to stderr with the {@code [seestack]} prefix.
     */
    public void alertOnce(String level, String key, String message) {
        if (warnedKeys.add(key)) {
            alert(level, message);
        }
    }

    /**
     * Reports a runtime condition the user must see, each time: to the sink and, when the sink is a framework's
     * status channel, also to stderr (see {@link #alertOnce}).
     */
    public void alert(String level, String message) {
        try {
            sink.report(level, message);
        } catch (RuntimeException ignored) {
            // a broken sink must never hurt the application
        }
        if (sink != DiagnosticSink.STDERR) {
            DiagnosticSink.STDERR.report(level, message);
        }
    }

    /** Reports a warning the first time {@code key} is seen; later calls with the same key are silent. */
    public void warnOnce(String key, String message) {
        if (warnedKeys.add(key)) {
            warn(message);
        }
    }
}
