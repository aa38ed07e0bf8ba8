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
        switch (option.kind()) {
            case LONG:
            case INT:
                return "70000";
            case BOOLEAN:
                return String.valueOf(!(Boolean) option.defaultValue());
            case LEVEL:
                return "WARN";
            default:
                return "sample-" + option.optionName();
        }
    }

    private static Object expected(Option option) {
        switch (option.kind()) {
            case LONG:
                return 70000L;
            case INT:
                return 70000;
            case BOOLEAN:
                return !(Boolean) option.defaultValue();
            case LEVEL:
                return Severity.WARN;
            default:
                return "sample-" + option.optionName();
        }
    }
}
