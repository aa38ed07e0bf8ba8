package dev.seestack.internal.logging;

import dev.seestack.internal.event.Severity;
import java.util.List;
import java.util.Map;

/**
 * A logging framework's event, read on the logging thread into the core's neutral shape. Adapters fill it
 * and hand it to {@link LogEventRouter}; it must not reference framework objects that may be reused.
 */
public final class FrameworkEvent {
    Severity severity;
    String loggerName;
    String threadName;
    String message;
    Throwable throwable;
    Map<String, String> contextData;
    Map<String, ?> keyValues;
    List<String> markers;
    Map<String, ?> extra;
    long timestampMs;

    public FrameworkEvent(Severity severity, String loggerName, String threadName, String message) {
        this.severity = severity;
        this.loggerName = loggerName;
        this.threadName = threadName;
        this.message = message;
    }

    public FrameworkEvent throwable(Throwable throwable) {
        this.throwable = throwable;
        return this;
    }

    /** The MDC / ThreadContext entries (string values). */
    public FrameworkEvent contextData(Map<String, String> contextData) {
        this.contextData = contextData;
        return this;
    }

    /**
     * Structured key-value pairs (SLF4J 2 key-values, Log4j2 MapMessage fields), in a fresh mutable map that the
     * event takes over: its values are sanitized in place.
     */
    public FrameworkEvent keyValues(Map<String, ?> keyValues) {
        this.keyValues = keyValues;
        return this;
    }

    /** The framework's own event time (epoch ms); when unset, the time the router handles it. */
    public FrameworkEvent timestampMs(long timestampMs) {
        this.timestampMs = timestampMs;
        return this;
    }

    /** Marker names. */
    public FrameworkEvent markers(List<String> markers) {
        this.markers = markers;
        return this;
    }

    /** Other framework-specific fields for metadata (e.g. JUL's sourceClass/sourceMethod), in a fresh mutable map. */
    public FrameworkEvent extra(Map<String, ?> extra) {
        this.extra = extra;
        return this;
    }

    public Severity severity() {
        return severity;
    }

    public String loggerName() {
        return loggerName;
    }

    public String threadName() {
        return threadName;
    }
}
