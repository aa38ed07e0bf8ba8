package dev.seestack.testkit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses captured request bodies in tests; the one JSON reader of the test suites (Jackson 3). */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** {@code body} as a tree; fails the test when it is not JSON. */
    public static JsonNode tree(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Every body as a tree, in order. */
    public static List<JsonNode> trees(List<String> bodies) {
        return bodies.stream().map(Json::tree).collect(Collectors.toList());
    }

    /** {@code body}, a JSON object, as a map of plain Java values. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String body) {
        try {
            return MAPPER.readValue(body, Map.class);
        } catch (JacksonException e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }
}
