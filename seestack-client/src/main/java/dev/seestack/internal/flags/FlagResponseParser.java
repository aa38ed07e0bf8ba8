package dev.seestack.internal.flags;

import dev.seestack.flags.FlagResult;
import dev.seestack.internal.json.JsonNumber;
import dev.seestack.internal.json.JsonReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads both flag-evaluation response shapes: the documented {@code {key, enabled, value}} /
 * {@code {flags: {k: {enabled, value}}}} and the deployed {@code {flagKey, variant, enabled, reason}} /
 * {@code {flags: {...}}} or a list, each with or without the {@code {success, data}} envelope.
 */
final class FlagResponseParser {
    private FlagResponseParser() {
    }

    /** The result in a single-flag response, with the backend's reason ({@code reason}, else {@code ruleApplied}). */
    static FlagEvaluation parseSingle(String body) {
        Object data = unwrap(JsonReader.parse(body));
        if (!(data instanceof Map)) {
            throw new IllegalArgumentException("flag response is not an object");
        }
        Map<?, ?> m = (Map<?, ?>) data;
        String reason = text(m.get("reason"));
        return FlagEvaluation.answered(toResult(m), reason != null ? reason : text(m.get("ruleApplied")));
    }

    /** The results in an all-flags response, by key. */
    static Map<String, FlagResult> parseAll(String body) {
        Object data = unwrap(JsonReader.parse(body));
        Object flags = data instanceof Map && ((Map<?, ?>) data).containsKey("flags") ? ((Map<?, ?>) data).get("flags")
                : data;
        Map<String, FlagResult> results = new LinkedHashMap<>();
        if (flags instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) flags).entrySet()) {
                if (e.getValue() instanceof Map) {
                    results.put(String.valueOf(e.getKey()), toResult((Map<?, ?>) e.getValue()));
                } else if (e.getValue() instanceof Boolean) {
                    boolean on = (Boolean) e.getValue();
                    results.put(String.valueOf(e.getKey()), FlagResult.of(on, String.valueOf(on)));
                }
            }
        } else if (flags instanceof List) {
            for (Object item : (List<?>) flags) {
                if (item instanceof Map) {
                    Map<?, ?> m = (Map<?, ?>) item;
                    String key = text(m.containsKey("key") ? m.get("key") : m.get("flagKey"));
                    if (key != null) {
                        results.put(key, toResult(m));
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("flags response has no flags");
        }
        return results;
    }

    private static Object unwrap(Object root) {
        if (root instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) root;
            if (Boolean.FALSE.equals(m.get("success"))) {
                throw new IllegalArgumentException("flag response reports failure");
            }
            if (m.containsKey("data")) {
                return m.get("data");
            }
        }
        return root;
    }

    private static FlagResult toResult(Map<?, ?> m) {
        Object enabled = m.get("enabled");
        boolean on = Boolean.TRUE.equals(enabled) || "true".equalsIgnoreCase(text(enabled));
        String value = text(m.get("value"));
        if (value == null) {
            value = text(m.get("variant"));
        }
        return FlagResult.of(on, value);
    }

    private static String text(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof JsonNumber || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }
}
