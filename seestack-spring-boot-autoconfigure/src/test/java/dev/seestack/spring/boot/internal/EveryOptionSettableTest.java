package dev.seestack.spring.boot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.options.Option;
import dev.seestack.internal.options.OptionValues;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Every row of the option table is a {@code seestack.*} property of the starter. */
class EveryOptionSettableTest {
    @Test
    void everyClientOptionIsReadFromItsKebabCaseProperty() {
        MockEnvironment environment = new MockEnvironment();
        for (Option option : Option.of(Option.Scope.CLIENT)) {
            environment.setProperty(option.springProperty(), sample(option));
        }

        OptionValues values = StarterConfig.clientOptions(environment);

        for (Option option : Option.of(Option.Scope.CLIENT)) {
            assertTrue(values.isSet(option), option.springProperty() + " was not read");
            assertEquals(sample(option), String.valueOf(values.get(option)), option.springProperty());
        }
    }

    @Test
    void everyLoggingAdapterOptionIsReadUnderSeestackLoggingOrSeestack() {
        MockEnvironment environment = new MockEnvironment();
        for (Option option : Option.of(Option.Scope.MAPPING)) {
            environment.setProperty(option.springProperty(), "plain-" + option.optionName());
        }
        environment.setProperty("seestack.logging.minimum-log-level", "WARN");

        for (Option option : Option.of(Option.Scope.MAPPING)) {
            String expected = option == Option.MINIMUM_LOG_LEVEL ? "WARN" : "plain-" + option.optionName();
            assertEquals(expected, StarterConfig.mappingOption(environment, option), option.optionName());
        }
    }

    @Test
    void anUnusableValueKeepsTheDefaultAndTheStarterRuns() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("seestack.api-key", "test-key-123")
                .withProperty("seestack.host", "http://127.0.0.1:1")
                .withProperty("seestack.flush-interval-ms", "soon")
                .withProperty("seestack.buffer-size", "0");

        SeeStackConfig config = StarterConfig.build(environment);

        assertEquals(SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS, config.flushIntervalMs());
        assertEquals(SeeStackConfig.DEFAULT_BUFFER_SIZE, config.bufferSize());
        assertFalse(config.shutdownHook(), "the starter closes the client itself");
    }

    private static String sample(Option option) {
        switch (option.kind()) {
            case LONG:
            case INT:
                return "70000";
            case BOOLEAN:
                return String.valueOf(!(Boolean) option.defaultValue());
            default:
                return "sample-" + option.optionName();
        }
    }
}
