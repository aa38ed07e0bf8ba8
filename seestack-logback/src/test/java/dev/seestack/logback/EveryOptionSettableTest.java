package dev.seestack.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.options.Option;
import dev.seestack.testkit.OptionSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of the option table is an element of the appender in a real logback.xml. */
class EveryOptionSettableTest {
    @TempDir
    Path dir;

    @Test
    void everyOptionOfTheTableIsSetFromItsElementInLogbackXml() throws IOException, JoranException {
        StringBuilder xml = new StringBuilder("<configuration>\n"
                + "  <appender name=\"SEESTACK\" class=\"dev.seestack.logback.SeeStackAppender\">\n");
        for (Option option : Option.values()) {
            xml.append("    <").append(option.optionName()).append('>').append(sample(option))
                    .append("</").append(option.optionName()).append(">\n");
        }
        xml.append("  </appender>\n  <root level=\"INFO\"><appender-ref ref=\"SEESTACK\"/></root>\n"
                + "</configuration>\n");
        Path file = dir.resolve("logback-every-option.xml");
        Files.write(file, xml.toString().getBytes(StandardCharsets.UTF_8));

        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file.toFile());
        try {
            SeeStackAppender appender = (SeeStackAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .getAppender("SEESTACK");
            AdapterOptions options = appender.options();
            for (Option option : Option.values()) {
                assertTrue(options.isSet(option), option.optionName() + " was not set from logback.xml");
                assertEquals(expected(option), options.get(option), option.optionName());
            }
            // the sample host is not a URL: the appender stays off with a WARN, never an ERROR status
            List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
                    .filter(s -> s.getLevel() == Status.ERROR).map(Status::getMessage)
                    .collect(Collectors.toList());
            assertEquals(List.of(), errors);
        } finally {
            context.stop();
        }
    }

    @Test
    void setOptionSetsAnOptionByName() {
        SeeStackAppender appender = new SeeStackAppender();
        appender.setOption("minimumErrorLevel", "WARN");

        assertEquals(Severity.WARN, appender.options().minimumErrorLevel());
    }

    private static String sample(Option option) {
        return OptionSamples.text(option.kind(), option.defaultValue(), option.optionName(), "WARN");
    }

    private static Object expected(Option option) {
        return OptionSamples.value(option.kind(), option.defaultValue(), option.optionName(), Severity.WARN);
    }
}
