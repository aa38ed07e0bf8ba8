package dev.seestack.openfeature.internal;

import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.Value;
import dev.seestack.internal.json.JsonNumber;
import dev.seestack.internal.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a SeeStack flag's string value as the type an OpenFeature caller asked for; returns null when it does not
 * parse (the provider then answers {@code TYPE_MISMATCH} with the default).
 */
public final class FlagValueParser {
    private FlagValueParser() {
    }

    /** {@code "true"}/{@code "false"} in any case; an enabled flag without a value is on. */
    public static Boolean asBoolean(String value) {
        if (value == null) {
            return Boolean.TRUE;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    public static Integer asInteger(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Long asLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A finite number. */
    public static Double asDouble(String value) {
        try {
            Double d = value == null ? null : Double.valueOf(value.strip());
            return d != null && Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String asString(String value) {
        return value;
    }

    /** The value read as JSON (an object, list, number, boolean or quoted string). */
    public static Value asObject(String value) {
        if (value == null) {
            return null;
        }
        try {
            return toValue(JsonReader.parse(value));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Value toValue(Object json) {
        if (json == null) {
            return new Value();
        }
        if (json instanceof Map) {
            MutableStructure structure = new MutableStructure();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) json).entrySet()) {
                structure.add(String.valueOf(e.getKey()), toValue(e.getValue()));
            }
            return new Value(structure);
        }
        if (json instanceof List) {
            List<Value> items = new ArrayList<>();
            for (Object item : (List<?>) json) {
                items.add(toValue(item));
            }
            return new Value(items);
        }
        if (json instanceof Boolean) {
            return new Value((Boolean) json);
        }
        if (json instanceof JsonNumber) {
            return number(((JsonNumber) json).token());
        }
        return new Value(String.valueOf(json));
    }

    private static Value number(String token) {
        try {
            long l = Long.parseLong(token);
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? new Value((int) l) : new Value(l);
        } catch (NumberFormatException e) {
            return new Value(Double.valueOf(token));
        }
    }
}
