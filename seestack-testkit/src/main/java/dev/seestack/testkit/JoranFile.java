package dev.seestack.testkit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Map;

/**
 * Configures a Logback context from a real {@code logback.xml}-style file on the test classpath, the way
 * Logback's own reconfiguration does: reset (stopping every appender), set the properties the file reads
 * ({@code ${seestack.host}} ...), run Joran. Logback is the test's own dependency (Logback 1.2 to 1.5).
 */
public final class JoranFile {
    private JoranFile() {
    }

    /** Resets {@code context} and configures it from the classpath resource {@code resource}. */
    public static void configure(LoggerContext context, String resource, Map<String, String> properties) {
        URL url = JoranFile.class.getResource("/" + resource);
        if (url == null) {
            throw new IllegalArgumentException("missing test resource " + resource);
        }
        context.reset();
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            throw new AssertionError("Logback rejected " + resource, e);
        }
    }
}
