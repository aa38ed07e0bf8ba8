package dev.seestack.examples.collector;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Validates request bodies against the contract JSON Schemas (copied from {@code shared/contract}) and
 * turns violations into the backend's {@code details} form: field path ({@code requests[0].host}) to message.
 */
final class ContractValidator {
    /** Base IRI the schemas are registered under; their {@code $id}s are relative and need one. */
    private static final String SCHEMA_BASE = "https://seestack.dev/contract/";
    /** Field name used for a violation of the body itself (e.g. an array where an object is expected). */
    static final String BODY_FIELD = "body";
    /** The contract's "not blank" pattern: a character above U+0020 and no U+0000 anywhere. */
    static final String NOT_BLANK_PATTERN = "^[^\\u0000]*[^\\u0000-\\u0020][^\\u0000]*$";

    private final Map<EventKind, Schema> schemas = new EnumMap<>(EventKind.class);

    ContractValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (EventKind kind : EventKind.values()) {
            schemas.put(kind, load(registry, kind.schemaFile()));
        }
    }

    private static Schema load(SchemaRegistry registry, String file) {
        try (InputStream in = ContractValidator.class.getResourceAsStream("/contract/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing contract schema resource /contract/" + file);
            }
            return registry.getSchema(SchemaLocation.of(SCHEMA_BASE + file), in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field errors of {@code body} against the schema of {@code kind}, in document order; empty when valid. */
    Map<String, String> fieldErrors(EventKind kind, JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Error error : schemas.get(kind).validate(body)) {
            errors.merge(fieldOf(error), messageOf(error), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /** The raw endpoints' single-message form: {@code "Status must be 'success' or 'failed'"}. */
    static String sentence(Map<String, String> fieldErrors) {
        return fieldErrors.entrySet().stream()
                .map(e -> capitalise(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String fieldOf(Error error) {
        StringBuilder field = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer) {
                field.append('[').append(element).append(']');
            } else {
                appendName(field, String.valueOf(element));
            }
        }
        // "required" and "additionalProperties" are reported on the parent object, naming the property.
        if (error.getProperty() != null) {
            appendName(field, error.getProperty());
        }
        return field.length() == 0 ? BODY_FIELD : field.toString();
    }

    private static void appendName(StringBuilder field, String name) {
        if (field.length() > 0) {
            field.append('.');
        }
        field.append(name);
    }

    private static String messageOf(Error error) {
        Object[] args = error.getArguments();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        switch (keyword) {
            case "required":
                return "is required";
            case "additionalProperties":
                return "is not a field of the contract";
            case "pattern":
                return NOT_BLANK_PATTERN.equals(String.valueOf(args[0])) ? "must not be blank"
                        : "must match " + args[0];
            case "enum":
                return alternatives(error.getSchemaNode()).map(a -> "must be " + a).orElse(error.getMessage());
            case "type":
                return "must be " + article(String.valueOf(args[1])) + ", was " + args[0];
            case "minimum":
                return "must be greater than or equal to " + args[0];
            case "maximum":
                return "must be less than or equal to " + args[0];
            case "minItems":
                return "must contain at least " + args[0] + " item(s)";
            case "maxItems":
                return "must contain at most " + args[0] + " items";
            default:
                return error.getMessage();
        }
    }

    private static Optional<String> alternatives(JsonNode schemaNode) {
        JsonNode enumNode = schemaNode != null && schemaNode.isObject() ? schemaNode.get("enum") : schemaNode;
        if (enumNode == null || !enumNode.isArray()) {
            return Optional.empty();
        }
        List<String> values = enumNode.valueStream().map(v -> "'" + v.asString() + "'").collect(Collectors.toList());
        return Optional.of(values.size() == 2 ? values.get(0) + " or " + values.get(1)
                : "one of " + String.join(", ", values));
    }

    private static String article(String type) {
        return (type.matches("^[aeiou].*") ? "an " : "a ") + type;
    }

    private static String capitalise(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
