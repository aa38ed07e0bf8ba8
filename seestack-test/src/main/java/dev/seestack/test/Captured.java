package dev.seestack.test;

import dev.seestack.internal.json.JsonNumber;
import dev.seestack.internal.json.JsonReader;
import dev.seestack.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One item the SDK would have sent, as its exact JSON ({@link #json()}) and its fields as plain Java values
 * (strings, booleans, {@code Long}/{@code Double} numbers, maps, lists). The typed subclasses name the protocol's
 * fields.
 */
public abstract class Captured {
    private final String json;
    private final Map<String, Object> fields;

    Captured(String json) {
        this(json, plainObject(JsonReader.parse(json)));
    }

    Captured(Map<String, Object> fields) {
        this(new JsonWriter(256).tree(fields).toString(), fields);
    }

    private Captured(String json, Map<String, Object> fields) {
        this.json = json;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** The JSON as the SDK encoded it (for an HTTP item: the item inside the batch). */
    public String json() {
        return json;
    }

    /** Every field of the JSON object, as plain Java values. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** A string field, or null when absent. */
    public String text(String name) {
        Object v = fields.get(name);
        return v == null ? null : String.valueOf(v);
    }

    /** A number field as a long, or 0 when absent. */
    long number(String name) {
        Object v = fields.get(name);
        return v instanceof Number ? ((Number) v).longValue() : 0;
    }

    /** An object field, or an empty map. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object v = fields.get(name);
        return v instanceof Map ? (Map<String, Object>) v : Collections.emptyMap();
    }

    @Override
    public String toString() {
        return json;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plainObject(Object parsed) {
        Object plain = plain(parsed);
        return plain instanceof Map ? (Map<String, Object>) plain : new LinkedHashMap<>();
    }

    private static Object plain(Object v) {
        if (v instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> m.put(String.valueOf(k), plain(x)));
            return m;
        }
        if (v instanceof List) {
            List<Object> l = new ArrayList<>();
            ((List<?>) v).forEach(x -> l.add(plain(x)));
            return l;
        }
        if (v instanceof JsonNumber) {
            String token = ((JsonNumber) v).token();
            try {
                return Long.valueOf(token);
            } catch (NumberFormatException e) {
                return Double.valueOf(token);
            }
        }
        return v;
    }
}
