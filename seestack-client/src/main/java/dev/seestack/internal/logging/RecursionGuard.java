package dev.seestack.internal.logging;

import dev.seestack.internal.transport.DaemonThreadFactory;

/**
 * Keeps the SDK from shipping its own activity: records from SDK threads ({@code seestack-*}), from the
 * SDK's packages, from the JDK HTTP client it sends with, and records logged while this thread is already
 * inside an adapter's capture are all ignored, so a log call made while shipping can never loop.
 */
public final class RecursionGuard {
    private static final String[] IGNORED_LOGGER_PREFIXES = {
        "dev.seestack.internal", "dev.seestack.logback", "dev.seestack.log4j2", "dev.seestack.jul",
        "dev.seestack.SeeStack", "jdk.internal.httpclient", "jdk.httpclient", "java.net.http",
        "sun.net.www.protocol.http"
    };
    private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

    private RecursionGuard() {
    }

    /** Whether a record with this logger and thread name comes from the SDK or its HTTP transport. */
    public static boolean isSdkRecord(String loggerName, String threadName) {
        if (threadName != null && threadName.startsWith(DaemonThreadFactory.PREFIX)) {
            return true;
        }
        if (Thread.currentThread().getName().startsWith(DaemonThreadFactory.PREFIX)) {
            return true;
        }
        if (loggerName != null) {
            for (String prefix : IGNORED_LOGGER_PREFIXES) {
                if (loggerName.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Marks this thread as capturing; returns false when it already is (a nested, recursive call). */
    public static boolean enter() {
        boolean[] inside = INSIDE.get();
        if (inside[0]) {
            return false;
        }
        inside[0] = true;
        return true;
    }

    /** Ends the capture started by a successful {@link #enter()}. */
    public static void exit() {
        INSIDE.get()[0] = false;
    }
}
