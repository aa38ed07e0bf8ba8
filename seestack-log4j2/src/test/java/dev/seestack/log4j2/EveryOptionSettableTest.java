package dev.seestack.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.options.Option;
import dev.seestack.testkit.OptionSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of the option table is an attribute of the {@code <SeeStack>} element in a real log4j2.xml. */
class EveryOptionSettableTest {
    @TempDir
    Path dir;

    @Test
    void everyOptionOfTheTableIsSetFromItsAttributeInLog4j2Xml() throws IOException {
        StringBuilder attributes = new StringBuilder();
        for (Option option : Option.values()) {
            attributes.append("\n      ").append(option.optionName()).append("=\"").append(sample(option)).append('"');
        }
        String xml = "<Configuration status=\"WARN\">\n  <Appenders>\n    <SeeStack name=\"SeeStack\"" + attributes
                + "/>\n  </Appenders>\n  <Loggers><Root level=\"info\"><AppenderRef ref=\"SeeStack\"/></Root>"
                + "</Loggers>\n</Configuration>\n";
        Path file = dir.resolve("log4j2-every-option.xml");
        Files.write(file, xml.getBytes(StandardCharsets.UTF_8));

        LoggerContext ctx = Configurator.initialize("every-option", file.toUri().toString());
        try {
            SeeStackAppender appender = ctx.getConfiguration().getAppender("SeeStack");
            AdapterOptions options = appender.options();
            for (Option option : Option.values()) {
                assertTrue(options.isSet(option), option.optionName() + " was not set from log4j2.xml");
                assertEquals(expected(option), options.get(option), option.optionName());
            }
        } finally {
            Configurator.shutdown(ctx);
        }
    }

    @Test
    void setOptionSetsAnAttributeByName() {
        SeeStackAppender appender = SeeStackAppender.newBuilder().setName("coded")
                .setOption("minimumErrorLevel", "WARN").build();

        assertEquals(Severity.WARN, appender.options().minimumErrorLevel());
    }

    private static String sample(Option option) {
        return OptionSamples.text(option.kind(), option.defaultValue(), option.optionName(), "WARN");
    }

    private static Object expected(Option option) {
        return OptionSamples.value(option.kind(), option.defaultValue(), option.optionName(), Severity.WARN);
    }
}
