package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.options.Option;
import dev.seestack.testkit.OptionSamples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every row of the option table is a {@code <handler>.<option>} property in a real logging.properties. */
class EveryOptionSettableTest {
    private static final String PREFIX = SeeStackHandler.class.getName() + ".";

    @AfterEach
    void resetLogging() {
        LogManager.getLogManager().reset();
    }

    @Test
    void everyOptionOfTheTableIsSetFromItsPropertyInLoggingProperties() throws IOException {
        StringBuilder properties = new StringBuilder("handlers = " + SeeStackHandler.class.getName() + "\n");
        for (Option option : Option.values()) {
            properties.append(PREFIX).append(option.optionName()).append(" = ").append(sample(option)).append('\n');
        }
        LogManager.getLogManager().readConfiguration(
                new ByteArrayInputStream(properties.toString().getBytes(StandardCharsets.ISO_8859_1)));

        SeeStackHandler handler = JulFixture.rootSeeStackHandler();
        AdapterOptions options = handler.options();
        for (Option option : Option.values()) {
            assertTrue(options.isSet(option), option.optionName() + " was not set from logging.properties");
            assertEquals(expected(option), options.get(option), option.optionName());
        }
        assertEquals(Level.WARNING, handler.getLevel(), "minimumLogLevel is the handler's level too");
    }

    private static String sample(Option option) {
        return OptionSamples.text(option.kind(), option.defaultValue(), option.optionName(), "WARNING");
    }

    private static Object expected(Option option) {
        return OptionSamples.value(option.kind(), option.defaultValue(), option.optionName(), Severity.WARN);
    }
}
