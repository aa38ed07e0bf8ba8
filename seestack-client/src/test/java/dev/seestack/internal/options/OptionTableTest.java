package dev.seestack.internal.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.event.Severity;
import dev.seestack.testkit.OptionSamples;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The option table is the one description of the options: the builder, the README and validation follow it. */
class OptionTableTest {
    private static final String START = "<!-- options table: generated from dev.seestack.internal.options.Option -->";
    private static final String END = "<!-- end of options table -->";

    @Test
    void readmeOptionsTableListsExactlyTheTableRows() throws IOException {
        Path readme = Paths.get("..", "README.md");
        String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        assertTrue(from >= 0 && to > from, "README.md must hold the markers " + START + " ... " + END);
        String actual = text.substring(from + START.length(), to).strip();
        assertEquals(markdownTable(), actual, "README options table differs from Option; replace it with the"
                + " expected text above");
    }

    @ParameterizedTest
    @EnumSource(value = Option.class)
    void everyClientOptionHasABuilderMethodAndAnAccessorOfItsName(Option option) throws ReflectiveOperationException {
        if (option.scope() != Option.Scope.CLIENT) {
            return;
        }
        assertNotNull(findMethod(SeeStackConfig.Builder.class, option.optionName()), "builder method");
        if (option != Option.TRUST_STORE_PASSWORD) {
            // the password is a secret the built configuration does not keep
            assertNotNull(SeeStackConfig.class.getMethod(option.optionName()), "accessor");
        }
    }

    @Test
    void everyClientOptionSetAsTextReachesTheBuiltConfiguration() {
        OptionValues values = new OptionValues();
        Map<Option, String> texts = Stream.of(Option.values()).filter(o -> o.scope() == Option.Scope.CLIENT)
                .filter(o -> o != Option.TRUST_STORE && o != Option.TRUST_STORE_PASSWORD && o != Option.PROXY)
                .collect(Collectors.toMap(o -> o, OptionTableTest::sample, (a, b) -> a, TreeMap::new));
        texts.put(Option.HOST, "http://127.0.0.1:1");
        texts.forEach(values::putText);
        values.putText(Option.PROXY, "http://127.0.0.1:3128");

        SeeStackConfig config = ClientAccess.buildConfig(values, null, name -> null);

        assertEquals(List.of(), ClientAccess.warnings(config));
        for (Map.Entry<Option, String> e : texts.entrySet()) {
            assertEquals(typed(e.getKey(), e.getValue()), accessor(config, e.getKey()), e.getKey().optionName());
        }
        assertEquals("http://127.0.0.1:3128", config.proxy());
    }

    @ParameterizedTest
    @EnumSource(value = Option.class, names = {"FLUSH_INTERVAL_MS", "BUFFER_SIZE", "BUFFER_BYTES", "FLAG_CACHE_TTL_MS",
        "SPOOL_MAX_BYTES", "DEBUG", "MINIMUM_LOG_LEVEL"})
    void anUnusableValueIsAWarningAndKeepsTheDefault(Option option) {
        OptionValues values = new OptionValues();
        values.putText(option, "-1");

        assertFalse(values.isSet(option));
        assertEquals(option.defaultValue(), values.get(option));
        assertEquals(1, values.warnings().size(), values.warnings().toString());
        assertTrue(values.warnings().get(0).contains(option.optionName()), values.warnings().toString());
    }

    @Test
    void anUnresolvedReferenceIsAWarningAndLeavesTheOptionUnset() {
        OptionValues values = new OptionValues();
        values.putText(Option.HOST, "${env:NOPE}");

        assertFalse(values.isSet(Option.HOST));
        assertEquals(1, values.warnings().size());
        assertTrue(values.warnings().get(0).contains("'host' refers to an undefined variable (${env:NOPE})"));
    }

    @Test
    void springPropertyNamesAreKebabCase() {
        assertEquals("seestack.flush-interval-ms", Option.FLUSH_INTERVAL_MS.springProperty());
        assertEquals("seestack.api-key", Option.API_KEY.springProperty());
        assertEquals("seestack.debug", Option.DEBUG.springProperty());
    }

    /** A usable, non-default text for {@code option} (numbers valid for every numeric option). */
    static String sample(Option option) {
        return OptionSamples.text(option.kind(), option.defaultValue(), option.optionName(), "warn");
    }

    private static Object typed(Option option, String text) {
        switch (option.kind()) {
            case LONG:
                return Long.parseLong(text);
            case INT:
                return Integer.parseInt(text);
            case BOOLEAN:
                return Boolean.parseBoolean(text);
            case LEVEL:
                return Severity.parse(text);
            default:
                return text;
        }
    }

    private static Object accessor(SeeStackConfig config, Option option) {
        try {
            return SeeStackConfig.class.getMethod(option.optionName()).invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Method findMethod(Class<?> type, String name) {
        return Stream.of(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElse(null);
    }

    /** The README table, one row per option, in table order. */
    static String markdownTable() {
        StringBuilder sb = new StringBuilder("| option | env variable | default | meaning |\n|---|---|---|---|\n");
        for (Option o : Option.values()) {
            sb.append("| `").append(o.optionName()).append("` | ")
                    .append(o.env() == null ? "—" : "`" + o.env() + "`").append(" | ")
                    .append(o.defaultDoc()).append(" | ").append(o.doc())
                    .append(o.rule() == null ? "" : "; " + o.rule() + ", else the default is kept, with a warning")
                    .append(" |\n");
        }
        return sb.toString().strip();
    }
}
