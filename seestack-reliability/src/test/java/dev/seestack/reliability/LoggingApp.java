package dev.seestack.reliability;

import ch.qos.logback.classic.LoggerContext;
import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.JoranFile;
import java.net.URL;
import java.util.Map;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * An application logging through a real framework configured from a real file in {@code src/test/resources},
 * with the SeeStack appender pointed at {@code host}: Logback through SLF4J, or Log4j2 through its own API.
 */
abstract class LoggingApp implements AutoCloseable {
    /** System property / Logback property the configuration files read the backend URL from. */
    static final String HOST_PROPERTY = "seestack.host";

    enum Framework { LOGBACK, LOG4J2 }

    /** Starts {@code framework} from its default reliability configuration file. */
    static LoggingApp start(Framework framework, String host) {
        return framework == Framework.LOGBACK ? logback("reliability-logback.xml", host)
                : log4j2("reliability-log4j2.xml", host);
    }

    static Logback logback(String resource, String host) {
        return new Logback(resource, host);
    }

    static Log4j2 log4j2(String resource, String host) {
        return new Log4j2(resource, host);
    }

    abstract void info(String message);

    abstract void error(String message, Throwable t);

    /** The SDK client the appender started (or shares). */
    SeeStackClient client() {
        SeeStackClient c = ClientRegistry.current();
        if (c == null) {
            throw new AssertionError("the appender did not start a SeeStack client");
        }
        return c;
    }

    /** Stops the framework the way an application does at shutdown (the appender stops and releases the SDK). */
    @Override
    public abstract void close();

    /** Logback through the SLF4J API of a context configured by Joran. */
    static final class Logback extends LoggingApp {
        final LoggerContext context = new LoggerContext();
        private final org.slf4j.Logger log;

        Logback(String resource, String host) {
            context.setName(resource);
            context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
            context.putProperty(HOST_PROPERTY, host);
            context.putProperty("seestack.apiKey", IngestStub.API_KEY);
            configure(resource);
            log = context.getLogger("app.reliability");
        }

        /** What a Logback reconfiguration does: reset (stopping every appender), then configure from the file. */
        void configure(String resource) {
            JoranFile.configure(context, resource,
                    Map.of(HOST_PROPERTY, context.getProperty(HOST_PROPERTY), "seestack.apiKey", IngestStub.API_KEY));
        }

        org.slf4j.Logger logger() {
            return log;
        }

        org.slf4j.Logger logger(String name) {
            return context.getLogger(name);
        }

        @Override
        void info(String message) {
            log.info(message);
        }

        @Override
        void error(String message, Throwable t) {
            log.error(message, t);
        }

        @Override
        public void close() {
            context.stop();
        }
    }

    /** Log4j2 through its own API, started by {@link Configurator}. */
    static final class Log4j2 extends LoggingApp {
        final org.apache.logging.log4j.core.LoggerContext context;
        private final org.apache.logging.log4j.Logger log;

        Log4j2(String resource, String host) {
            System.setProperty(HOST_PROPERTY, host);
            context = Configurator.initialize("reliability", "classpath:" + resource);
            log = context.getLogger("app.reliability");
        }

        org.apache.logging.log4j.Logger logger() {
            return log;
        }

        @Override
        void info(String message) {
            log.info(message);
        }

        @Override
        void error(String message, Throwable t) {
            log.error(message, t);
        }

        @Override
        public void close() {
            Configurator.shutdown(context);
        }
    }
}
