package dev.seestack.log4j2;

import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.FrameworkEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * Reads a Log4j2 {@link LogEvent} completely, on the thread that appends it, into the core's
 * {@link FrameworkEvent}. Log4j2 reuses event and message objects (garbage-free and async modes), so every
 * value is copied here and nothing of the event is kept.
 */
final class LogEventReader {
    private static final int MAX_MARKER_DEPTH = 8;

    private LogEventReader() {
    }

    static FrameworkEvent read(LogEvent event, Severity severity) {
        Message message = event.getMessage();
        return new FrameworkEvent(severity, event.getLoggerName(), event.getThreadName(),
                message == null ? null : message.getFormattedMessage())
                .throwable(event.getThrown())
                .timestampMs(event.getTimeMillis())
                .contextData(contextData(event.getContextData()))
                .keyValues(mapFields(message))
                .markers(markers(event.getMarker()));
    }

    private static Map<String, String> contextData(ReadOnlyStringMap data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, String.valueOf(value));
            }
        });
        return copy;
    }

    /** The fields of a {@link MapMessage} (including {@code StructuredDataMessage}); null for other messages. */
    private static Map<String, ?> mapFields(Message message) {
        if (!(message instanceof MapMessage)) {
            return null;
        }
        Map<String, ?> data = ((MapMessage<?, ?>) message).getData();
        return data.isEmpty() ? null : new LinkedHashMap<>(data);
    }

    /** The marker's name followed by its ancestors' names, each once. */
    private static List<String> markers(Marker marker) {
        if (marker == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        collect(marker, names, 0);
        return Collections.unmodifiableList(new ArrayList<>(names));
    }

    private static void collect(Marker marker, Set<String> names, int depth) {
        names.add(marker.getName());
        if (depth >= MAX_MARKER_DEPTH || !marker.hasParents()) {
            return;
        }
        for (Marker parent : marker.getParents()) {
            collect(parent, names, depth + 1);
        }
    }
}
