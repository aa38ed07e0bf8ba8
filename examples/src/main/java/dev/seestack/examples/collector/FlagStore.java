package dev.seestack.examples.collector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feature flags read from a small JSON file, evaluated into the deployed backend's shape
 * {@code {flagKey, variant, enabled, reason}}. A flag is {@code {"enabled": bool, "value": "...",
 * "offValue": "..." (default "false"), "users": ["id", ...] (optional: on only for these users)}}.
 */
final class FlagStore {
    /** The flags file shipped with the collector, used unless {@code --flags} names another. */
    static final String DEFAULT_RESOURCE = "/dev/seestack/examples/collector/flags.json";
    static final String DEFAULT_OFF_VALUE = "false";

    private final ObjectMapper mapper;
    private final Map<String, Flag> flags;

    private FlagStore(ObjectMapper mapper, Map<String, Flag> flags) {
        this.mapper = mapper;
        this.flags = Collections.unmodifiableMap(flags);
    }

    /** Loads {@code file}, or the bundled default flags when {@code file} is null. */
    static FlagStore load(Path file, ObjectMapper mapper) {
        try (InputStream in = file == null ? FlagStore.class.getResourceAsStream(DEFAULT_RESOURCE)
                : Files.newInputStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new FlagStore(mapper, parse(mapper.readTree(in), file == null ? DEFAULT_RESOURCE : file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flags file " + file, e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("flags file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Flag> parse(JsonNode root, String source) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("flags file " + source + " must be a JSON object of flags");
        }
        Map<String, Flag> flags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode rule = entry.getValue();
            if (!rule.path("enabled").isBoolean() || !rule.path("value").isString()) {
                throw new IllegalArgumentException("flag '" + entry.getKey() + "' in " + source
                        + " needs a boolean \"enabled\" and a string \"value\"");
            }
            List<String> users = null;
            if (rule.has("users")) {
                users = new ArrayList<>();
                for (JsonNode user : rule.path("users")) {
                    users.add(user.asString());
                }
            }
            flags.put(entry.getKey(), new Flag(rule.get("enabled").asBoolean(), rule.get("value").asString(),
                    rule.path("offValue").isString() ? rule.get("offValue").asString() : DEFAULT_OFF_VALUE, users));
        }
        return flags;
    }

    /** The flag keys, in file order. */
    List<String> keys() {
        return List.copyOf(flags.keySet());
    }

    /** {@code {flagKey, variant, enabled, reason}} of {@code key} for {@code userId} (may be null); null if unknown. */
    ObjectNode evaluate(String key, String userId) {
        Flag flag = flags.get(key);
        if (flag == null) {
            return null;
        }
        boolean on;
        String reason;
        if (!flag.enabled) {
            on = false;
            reason = "DISABLED";
        } else if (flag.users == null) {
            on = true;
            reason = "STATIC";
        } else {
            on = userId != null && flag.users.contains(userId);
            reason = on ? "USER_TARGETED" : "DEFAULT";
        }
        ObjectNode result = mapper.createObjectNode();
        result.put("flagKey", key);
        result.put("variant", on ? flag.value : flag.offValue);
        result.put("enabled", on);
        result.put("reason", reason);
        return result;
    }

    private record Flag(boolean enabled, String value, String offValue, List<String> users) {
    }
}
