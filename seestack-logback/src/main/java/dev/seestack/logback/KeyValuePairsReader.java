package dev.seestack.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Reads the SLF4J 2 key-value pairs of an event (Logback 1.3+). Its own class, loaded only when
 * {@link LogbackFeatures#KEY_VALUE_PAIRS} holds, so that Logback 1.2 with SLF4J 1.7 never links against it.
 */
final class KeyValuePairsReader {
    private KeyValuePairsReader() {
    }

    /** The event's key-value pairs in order, or null when it has none. */
    static Map<String, Object> read(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
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
}
