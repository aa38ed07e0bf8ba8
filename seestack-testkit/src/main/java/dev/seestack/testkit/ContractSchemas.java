package dev.seestack.testkit;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The backend's JSON Schemas (copied from shared/contract) and validation of captured request bodies against them. */
public final class ContractSchemas {
    private static final Map<String, String> SCHEMA_BY_PATH = Map.of(
            "/ingest/v1/errors", "error.schema.json",
            "/ingest/v1/logs", "log.schema.json",
            "/ingest/v1/http-requests", "http-requests.schema.json",
            "/ingest/v1/heartbeat", "heartbeat.schema.json");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** Whether a schema exists for this ingest path. */
    public static boolean covers(String path) {
        return SCHEMA_BY_PATH.containsKey(path);
    }

    /** Validation errors of {@code body} against the schema of {@code path}; empty when valid. */
    public static List<String> errors(String path, String body) {
        String file = SCHEMA_BY_PATH.get(path);
        if (file == null) {
            throw new IllegalArgumentException("no contract schema for " + path);
        }
        Schema schema = CACHE.computeIfAbsent(file, ContractSchemas::load);
        try {
            return schema.validate(body, InputFormat.JSON).stream().map(Object::toString).collect(Collectors.toList());
        } catch (RuntimeException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** Fails unless {@code body} validates against the schema of {@code path}. */
    public static void assertValid(String path, String body) {
        List<String> errors = errors(path, body);
        if (!errors.isEmpty()) {
            throw new AssertionError("Body sent to " + path + " violates the contract: " + errors + "\nbody: " + body);
        }
    }

    private static Schema load(String file) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/contract/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + file);
            }
            // the schemas carry relative $ids, so they are loaded under a base location
            JsonNode node = new ObjectMapper().readTree(in);
            return REGISTRY.getSchema(SchemaLocation.of("https://schemas.seestack.dev/contract/" + file), node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
