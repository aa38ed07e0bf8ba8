package dev.seestack.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.FrameworkEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Reads a Logback event into the core's {@link FrameworkEvent}: level, logger, thread, formatted message,
 * throwable, MDC, SLF4J key-value pairs and marker names. Collections are only allocated when the event
 * carries key-values or markers.
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
                .keyValues(keyValues(event.getKeyValuePairs()))
                .markers(markerNames(event.getMarkerList()));
    }

    /** The MDC of the event; empty when its LoggerContext has no MDC adapter (Logback then throws). */
    private static Map<String, String> mdcOf(ILoggingEvent event) {
        try {
            return event.getMDCPropertyMap();
        } catch (NullPointerException noMdcAdapter) {
            return null;
        }
    }

    private static Map<String, Object> keyValues(List<KeyValuePair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>(pairs.size() * 2);
        for (KeyValuePair pair : pairs) {
            if (pair != null && pair.key != null) {
                map.put(pair.key, pair.value);
            }
        }
        return map;
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
