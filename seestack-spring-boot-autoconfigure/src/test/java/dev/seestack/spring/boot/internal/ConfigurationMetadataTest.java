package dev.seestack.spring.boot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.options.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * The starter's configuration metadata (IDE completion of {@code seestack.*}) lists exactly the option table's
 * rows: the SDK options are bound from the table, not from fields the annotation processor could see; the starter's
 * own switches come from {@code SeeStackProperties}, and each one the auto-configuration reads is listed.
 */
class ConfigurationMetadataTest {
    static final String RESOURCE = "/META-INF/additional-spring-configuration-metadata.json";
    /** What Boot's configuration processor writes from {@code SeeStackProperties} and the additional file. */
    static final String PROCESSOR_RESOURCE = "/META-INF/spring-configuration-metadata.json";

    @Test
    void additionalMetadataListsEveryOptionOfTheTable() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            String actual = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(expected(), actual, "regenerate " + RESOURCE + " from Option (the expected text above)");
        }
    }

    @Test
    void everySwitchTheStarterReadsIsInTheMetadata() throws IOException {
        String metadata;
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(PROCESSOR_RESOURCE)) {
            assertNotNull(in, PROCESSOR_RESOURCE);
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> switches = new ArrayList<>();
        MetadataReaderFactory readers = new SimpleMetadataReaderFactory();
        collectSwitches(readers, SeeStackAutoConfiguration.class.getName(), switches);
        collectSwitches(readers, SeeStackOpenFeatureAutoConfiguration.class.getName(), switches);

        assertTrue(switches.contains("seestack.openfeature.enabled"), switches.toString());
        for (String name : switches) {
            assertTrue(metadata.contains("\"name\": \"" + name + "\""), name + " is not in " + PROCESSOR_RESOURCE);
        }
    }

    /**
     * The {@code @ConditionalOnProperty} names on {@code className}, its methods and its nested classes, read from the
     * class files (loading the classes would need every optional framework).
     */
    private static void collectSwitches(MetadataReaderFactory readers, String className, List<String> into)
            throws IOException {
        AnnotationMetadata type = readers.getMetadataReader(className).getAnnotationMetadata();
        addSwitches(type.getAnnotations(), into);
        for (MethodMetadata method : type.getAnnotatedMethods(ConditionalOnProperty.class.getName())) {
            addSwitches(method.getAnnotations(), into);
        }
        for (String nested : type.getMemberClassNames()) {
            collectSwitches(readers, nested, into);
        }
    }

    private static void addSwitches(MergedAnnotations annotations, List<String> into) {
        annotations.stream(ConditionalOnProperty.class).forEach(condition -> {
            for (String name : condition.getStringArray("name")) {
                into.add(condition.getString("prefix") + "." + name);
            }
        });
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
