package dev.seestack.spring.boot.internal;

import dev.seestack.internal.diag.DiagnosticSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The starter's own warnings: on stderr with the SDK's {@code [seestack]} prefix, each text once per JVM. */
final class StarterWarnings {
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private StarterWarnings() {
    }

    static void once(String message) {
        if (PRINTED.add(message)) {
            DiagnosticSink.STDERR.report("WARN", message);
        }
    }
}
