package dev.seestack.examples.demo;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures SLF4J's default Logback {@link LoggerContext} from {@code demo-logback.xml}, with the SeeStack host
 * and API key as context properties ({@code ${seestack.host}}, {@code ${seestack.apiKey}}); closing stops the
 * context, which stops (and flushes) its SeeStack appender.
 */
final class LogbackSetup implements AutoCloseable {
    static final String CONFIG = "/dev/seestack/examples/demo/demo-logback.xml";

    private final LoggerContext context;

    private LogbackSetup(LoggerContext context) {
        this.context = context;
    }

    /**
     * Resets the default context and loads the demo configuration into it.
     *
     * @throws IllegalStateException when SLF4J is not bound to Logback or the configuration has errors
     */
    static LogbackSetup configure(DemoTarget target) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            throw new IllegalStateException("SLF4J is bound to " + factory.getClass().getName()
                    + ", not Logback; remove the other SLF4J provider from the class path");
        }
        LoggerContext context = (LoggerContext) factory;
        context.reset();
        if (!context.isStarted()) {
            context.start();
        }
        long configuredAt = System.currentTimeMillis();
        context.putProperty("seestack.host", target.host());
        context.putProperty("seestack.apiKey", target.apiKey());
        URL config = LogbackSetup.class.getResource(CONFIG);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot load " + CONFIG, e);
        }
        StatusUtil status = new StatusUtil(context);
        if (status.getHighestLevel(configuredAt) >= Status.ERROR) {
            throw new IllegalStateException("Logback reported errors loading " + CONFIG + ": "
                    + context.getStatusManager().getCopyOfStatusList());
        }
        return new LogbackSetup(context);
    }

    /** Stops the context: its appenders stop, the SeeStack one flushes and releases the SDK client. */
    @Override
    public void close() {
        context.stop();
    }
}
