package dev.seestack.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.FrameworkEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;

/**
 * Reads a Logback event into the core's {@link FrameworkEvent}: level, logger, thread, formatted message,
 * throwable, MDC, SLF4J key-value pairs (Logback 1.3+) and marker names. Collections are only allocated when
 * the event carries key-values or markers.
 */
final class LoggingEventReader {
    private LoggingEventReader() {
    }

    /** The original throwable of the event, or null (also for events deserialized without one). */
    static Throwable throwableOf(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
    }

    static FrameworkEvent read(ILoggingEvent event, Severity severity, Throwable throwable) {
        return new FrameworkEvent(severity, event.getLoggerName(), event.getThreadName(), event.getFormattedMessage())
                .throwable(throwable)
                .timestampMs(event.getTimeStamp())
                .contextData(mdcOf(event))
                .keyValues(LogbackFeatures.KEY_VALUE_PAIRS ? KeyValuePairsReader.read(event) : null)
                .markers(markerNames(markersOf(event)));
    }

    /** The MDC of the event; empty when its LoggerContext has no MDC adapter (Logback then throws). */
    private static Map<String, String> mdcOf(ILoggingEvent event) {
        try {
            return event.getMDCPropertyMap();
        } catch (NullPointerException noMdcAdapter) {
            return null;
        }
    }

    /** Logback 1.3+ keeps every marker of the event; 1.2 has one. */
    private static List<Marker> markersOf(ILoggingEvent event) {
        if (LogbackFeatures.MARKER_LIST) {
            return event.getMarkerList();
        }
        Marker marker = event.getMarker();
        return marker == null ? null : Collections.singletonList(marker);
    }

    private static List<String> markerNames(List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(markers.size());
        for (Marker marker : markers) {
            addNames(marker, names);
        }
        return names;
    }

    /** Adds the marker's name and those of the markers it references (nested), each once. */
    private static void addNames(Marker marker, List<String> names) {
        if (marker == null || names.contains(marker.getName())) {
            return;
        }
        names.add(marker.getName());
        if (marker.hasReferences()) {
            for (Iterator<Marker> it = marker.iterator(); it.hasNext(); ) {
                addNames(it.next(), names);
            }
        }
    }
}
