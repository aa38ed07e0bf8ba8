package dev.seestack.examples.demo;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Starts a Log4j2 {@link LoggerContext} from {@code demo-log4j2.xml} (which reads the SeeStack host and key from
 * the {@code seestack.demo.host} / {@code seestack.demo.apiKey} system properties); closing shuts it down,
 * which stops (and flushes) its SeeStack appender.
 */
final class Log4j2Setup implements AutoCloseable {
    static final String CONFIG = "/dev/seestack/examples/demo/demo-log4j2.xml";

    private final LoggerContext context;

    private Log4j2Setup(LoggerContext context) {
        this.context = context;
    }

    /**
     * Initialises Log4j2 with the demo configuration.
     *
     * @throws IllegalStateException when the configuration cannot be found or does not define the SeeStack appender
     */
    static Log4j2Setup configure() {
        URI config;
        try {
            config = Log4j2Setup.class.getResource(CONFIG).toURI();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find " + CONFIG, e);
        }
        LoggerContext context = Configurator.initialize("seestack-demo", Log4j2Setup.class.getClassLoader(), config);
        if (context == null) {
            throw new IllegalStateException("Log4j2 could not start with " + CONFIG);
        }
        if (context.getConfiguration().getAppender("SeeStack") == null) {
            // A context already running in this JVM keeps its configuration through initialize(); load ours.
            context.setConfigLocation(config);
        }
        if (context.getConfiguration().getAppender("SeeStack") == null) {
            throw new IllegalStateException("the SeeStack appender of " + CONFIG
                    + " was not created; see the Log4j2 status output above");
        }
        return new Log4j2Setup(context);
    }

    /** The context the demo logs through. */
    LoggerContext context() {
        return context;
    }

    /** Shuts the context down: the SeeStack appender flushes and releases the SDK client. */
    @Override
    public void close() {
        Configurator.shutdown(context);
    }
}
