package dev.seestack.test.internal;

import dev.seestack.internal.flags.FlagLookup;
import dev.seestack.internal.flags.FlagSource;
import dev.seestack.internal.json.JsonWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flags a test set, answered in the deployed backend's shape ({@code flagKey, variant, enabled, reason}); an
 * unknown key answers 404 as the backend does. Not API.
 */
public final class FlagTable implements FlagLookup {
    /** The one table of the test JVM. */
    public static final FlagTable INSTANCE = new FlagTable();
    private static final String SINGLE_PREFIX = "/api/v1/flags/";
    private static final String SINGLE_SUFFIX = "/evaluate";

    private final Map<String, Map<String, Object>> flags = new ConcurrentHashMap<>();

    private FlagTable() {
    }

    /** Sets flag {@code key}; {@code reason} is the backend's ({@code FORCE_OVERRIDE}, {@code DEFAULT}...). */
    public void put(String key, boolean enabled, String value, String reason) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("flagKey", key);
        answer.put("variant", value);
        answer.put("enabled", enabled);
        answer.put("reason", reason);
        flags.put(key, answer);
    }

    public void clear() {
        flags.clear();
    }

    @Override
    public String get(String pathAndQuery) throws FlagSource.StatusException {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        if (path.equals(SINGLE_PREFIX + "evaluate")) {
            return new JsonWriter(256).tree(Map.of("success", true, "data", Map.of("flags", new LinkedHashMap<>(flags))))
                    .toString();
        }
        String key = URLDecoder.decode(path.substring(SINGLE_PREFIX.length(), path.length() - SINGLE_SUFFIX.length()),
                StandardCharsets.UTF_8);
        Map<String, Object> answer = flags.get(key);
        if (answer == null) {
            throw new FlagSource.StatusException(404);
        }
        return new JsonWriter(128).tree(Map.of("success", true, "data", answer)).toString();
    }
}
