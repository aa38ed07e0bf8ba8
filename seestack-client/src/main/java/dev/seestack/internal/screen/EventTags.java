package dev.seestack.internal.screen;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code tags} option parsed: {@code key=value} pairs separated by commas, in order; malformed pairs skipped. */
final class EventTags {
    private EventTags() {
    }

    static Map<String, Object> parse(String text) {
        if (text == null || text.isBlank()) {
            return Collections.emptyMap();
        }
        Map<String, Object> tags = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && !pair.substring(0, eq).isBlank()) {
                tags.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return Collections.unmodifiableMap(tags);
    }
}
