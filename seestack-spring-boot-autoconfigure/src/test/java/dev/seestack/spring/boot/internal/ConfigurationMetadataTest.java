package dev.seestack.spring.boot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.seestack.internal.options.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The starter's configuration metadata (IDE completion of {@code seestack.*}) lists exactly the option table's
 * rows: the SDK options are bound from the table, not from fields the annotation processor could see.
 */
class ConfigurationMetadataTest {
    static final String RESOURCE = "/META-INF/additional-spring-configuration-metadata.json";

    @Test
    void additionalMetadataListsEveryOptionOfTheTable() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            String actual = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(expected(), actual, "regenerate " + RESOURCE + " from Option (the expected text above)");
        }
    }

    /** The metadata file's content, generated from the table. */
    static String expected() {
        StringBuilder sb = new StringBuilder("{\n  \"properties\": [");
        String separator = "\n";
        for (Option option : Option.values()) {
            sb.append(separator).append(entry(option, option.springProperty()));
            separator = ",\n";
            if (option.scope() == Option.Scope.MAPPING) {
                sb.append(separator).append(entry(option,
                        option.springProperty().replaceFirst("^seestack\\.", "seestack.logging.")));
            }
        }
        return sb.append("\n  ]\n}").toString();
    }

    private static String entry(Option option, String name) {
        StringBuilder sb = new StringBuilder("    {\"name\": \"").append(name).append("\", \"type\": \"")
                .append(type(option)).append("\", \"description\": \"").append(json(description(option)))
                .append('"');
        Object dflt = option.defaultValue();
        if (dflt != null) {
            String value = option.kind() == Option.Kind.LEVEL ? "\"" + dflt + "\""
                    : dflt instanceof String ? "\"" + json((String) dflt) + "\"" : String.valueOf(dflt);
            sb.append(", \"defaultValue\": ").append(value);
        }
        return sb.append('}').toString();
    }

    private static String description(Option option) {
        String d = option.doc().replace("`", "");
        d = Character.toUpperCase(d.charAt(0)) + d.substring(1);
        if (option.env() != null) {
            d += " (env " + option.env() + ")";
        }
        return d.endsWith(".") ? d : d + ".";
    }

    private static String type(Option option) {
        switch (option.kind()) {
            case LONG:
                return "java.lang.Long";
            case INT:
                return "java.lang.Integer";
            case BOOLEAN:
                return "java.lang.Boolean";
            default:
                return "java.lang.String";
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
