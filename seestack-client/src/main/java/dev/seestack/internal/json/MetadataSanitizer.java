package dev.seestack.internal.json;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns arbitrary application values into a JSON-safe snapshot tree (String, Boolean, Long, immutable
 * Double/Float/BigInteger/BigDecimal rendered later by {@link JsonWriter#tree}, Map, List, null) on the capturing thread, so later serialization never touches live application
 * objects. Bounds: strings {@value #MAX_STRING_CHARS} chars, {@value #MAX_ENTRIES} entries per map or
 * list, depth {@value #MAX_DEPTH}; cycles become {@code "[cycle]"}; a throwing {@code toString()}
 * becomes a description of the failure.
 */
public final class MetadataSanitizer {
    public static final int MAX_STRING_CHARS = 8192;
    public static final int MAX_ENTRIES = 100;
    public static final int MAX_DEPTH = 8;
    private static final String TRUNCATED = "…[truncated]";

    private MetadataSanitizer() {
    }

    /** A sanitized copy of {@code metadata} with string keys; never null. */
    public static Map<String, Object> sanitizeMap(Map<?, ?> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Object result = sanitize(metadata, 0, null);
        if (result instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) result;
            return map;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", result);
        return wrapped;
    }

    /** A sanitized snapshot of one value. */
    public static Object sanitize(Object value) {
        return sanitize(value, 0, null);
    }

    /** Cuts {@code s} to {@code maxChars}, marking the cut; never splits a surrogate pair. */
    public static String truncate(String s, int maxChars) {
        if (s == null || s.length() <= maxChars) {
            return s;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + TRUNCATED;
    }

    /**
     * Cuts {@code s} so that it fits in {@code maxChars} including the cut mark, for fields whose length the
     * backend's storage limits (e.g. {@code exceptionClass} 255, {@code environment} 100).
     */
    public static String truncateWithin(String s, int maxChars) {
        if (s == null || s.length() <= maxChars) {
            return s;
        }
        String cut = truncate(s, Math.max(0, maxChars - TRUNCATED.length()));
        return cut.length() <= maxChars ? cut : s.substring(0, maxChars);
    }

    /** {@code String.valueOf(o)} that never throws. */
    public static String safeToString(Object o) {
        if (o == null) {
            return "null";
        }
        try {
            String s = o.toString();
            return s == null ? "null" : s;
        } catch (Throwable t) {
            rethrowIfFatal(t);
            return "[" + o.getClass().getName() + ".toString() threw " + t.getClass().getName() + "]";
        }
    }

    private static Object sanitize(Object value, int depth, Set<Object> visiting) {
        if (value == null) {
            return null;
        }
        if (value instanceof String) {
            return truncate((String) value, MAX_STRING_CHARS);
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigInteger
                || value instanceof BigDecimal) {
            // immutable: kept as is and rendered by JsonWriter on the sender thread
            return value;
        }
        if (value instanceof CharSequence) {
            return truncate(safeToString(value), MAX_STRING_CHARS);
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof Optional) {
            Optional<?> opt = (Optional<?>) value;
            return opt.isPresent() ? sanitize(opt.get(), depth, visiting) : null;
        }
        if (value instanceof byte[]) {
            return "[" + ((byte[]) value).length + " bytes]";
        }
        if (value instanceof Throwable) {
            Throwable t = (Throwable) value;
            return truncate(t.getClass().getName() + ": " + safeMessage(t), MAX_STRING_CHARS);
        }
        boolean container = value instanceof Map || value instanceof Iterable || value.getClass().isArray();
        if (!container) {
            return truncate(safeToString(value), MAX_STRING_CHARS);
        }
        if (depth >= MAX_DEPTH) {
            return "[max depth]";
        }
        if (visiting == null) {
            visiting = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        if (!visiting.add(value)) {
            return "[cycle]";
        }
        try {
            if (value instanceof Map) {
                return sanitizeEntries((Map<?, ?>) value, depth, visiting);
            }
            if (value instanceof Iterable) {
                return sanitizeIterable((Iterable<?>) value, depth, visiting);
            }
            return sanitizeArray(value, depth, visiting);
        } catch (RuntimeException e) {
            // a concurrently modified or misbehaving collection: keep what we can describe
            return "[unreadable " + value.getClass().getName() + ": " + e.getClass().getSimpleName() + "]";
        } finally {
            visiting.remove(value);
        }
    }

    private static Map<String, Object> sanitizeEntries(Map<?, ?> map, int depth, Set<Object> visiting) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (n++ >= MAX_ENTRIES) {
                out.put("_truncated", (long) map.size());
                break;
            }
            String key = e.getKey() instanceof String ? (String) e.getKey() : safeToString(e.getKey());
            out.put(truncate(key, 256), sanitize(e.getValue(), depth + 1, visiting));
        }
        return out;
    }

    private static List<Object> sanitizeIterable(Iterable<?> items, int depth, Set<Object> visiting) {
        List<Object> out = new ArrayList<>();
        Iterator<?> it = items.iterator();
        while (it.hasNext()) {
            if (out.size() >= MAX_ENTRIES) {
                out.add("[truncated]");
                break;
            }
            out.add(sanitize(it.next(), depth + 1, visiting));
        }
        return out;
    }

    private static List<Object> sanitizeArray(Object array, int depth, Set<Object> visiting) {
        int len = Array.getLength(array);
        List<Object> out = new ArrayList<>(Math.min(len, MAX_ENTRIES + 1));
        for (int i = 0; i < len; i++) {
            if (i >= MAX_ENTRIES) {
                out.add("[truncated]");
                break;
            }
            out.add(sanitize(Array.get(array, i), depth + 1, visiting));
        }
        return out;
    }

    /** {@code t.getMessage()} that never throws (null when absent). */
    public static String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable inner) {
            rethrowIfFatal(inner);
            return "[getMessage() threw " + inner.getClass().getName() + "]";
        }
    }

    /**
     * Lets the JVM's fatal errors through, except a {@link StackOverflowError}: that one is what an application's
     * self-referencing {@code toString()} throws, the stack is unwound by the time it is caught here, and letting
     * it through would fail the application's logging call.
     */
    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
    }
}
