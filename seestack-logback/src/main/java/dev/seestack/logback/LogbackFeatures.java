package dev.seestack.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * What the running Logback offers, detected once: SLF4J key-value pairs and marker lists arrived with
 * Logback 1.3 (on SLF4J 2). On Logback 1.2 the appender reads the single marker and no key-value pairs, and
 * never touches the newer API (which would fail with {@code NoSuchMethodError}).
 */
final class LogbackFeatures {
    /** {@code ILoggingEvent.getKeyValuePairs()} and {@code org.slf4j.event.KeyValuePair} exist. */
    static final boolean KEY_VALUE_PAIRS = hasMethod("getKeyValuePairs") && hasClass("org.slf4j.event.KeyValuePair");
    /** {@code ILoggingEvent.getMarkerList()} exists. */
    static final boolean MARKER_LIST = hasMethod("getMarkerList");

    private LogbackFeatures() {
    }

    private static boolean hasMethod(String name) {
        try {
            ILoggingEvent.class.getMethod(name);
            return true;
        } catch (NoSuchMethodException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean hasClass(String name) {
        try {
            Class.forName(name, false, ILoggingEvent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
