package dev.seestack.log4j2;

import dev.seestack.internal.diag.ThinnedWarning;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.logging.AdapterSession;
import dev.seestack.internal.logging.LogEventRouter;
import dev.seestack.internal.options.Option;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * A Log4j2 appender ({@code <SeeStack>} element) that ships log events as SeeStack logs and events carrying a
 * throwable as SeeStack errors. Every appender in the process shares one SDK client, started from the first
 * appender's options; stopping the last appender flushes (within 5 s) and closes it.
 */
@Plugin(name = SeeStackAppender.PLUGIN_NAME, category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE,
        printObject = true)
public final class SeeStackAppender extends AbstractAppender {
    /** The configuration element name. */
    public static final String PLUGIN_NAME = "SeeStack";

    private final AdapterOptions options;

    /** The options as set, for tests proving every row of the table is settable from log4j2.xml. */
    AdapterOptions options() {
        return options;
    }

    private final ThinnedWarning readFailures = new ThinnedWarning();
    private volatile AdapterSession session;
    private volatile LogEventRouter router;

    private SeeStackAppender(String name, Filter filter, boolean ignoreExceptions, Property[] properties,
            AdapterOptions options) {
        super(name, filter, null, ignoreExceptions, properties);
        this.options = options;
    }

    /** A builder for use in code; configuration files use the same attributes. */
    @PluginBuilderFactory
    public static <B extends Builder<B>> B newBuilder() {
        return new Builder<B>().asBuilder();
    }

    @Override
    public void start() {
        try {
            AdapterSession opened = options.namesNoBackend() && ClientRegistry.current() == null
                    ? AdapterSession.joinShared(options)
                    : AdapterSession.open(options, StatusLoggerSink.INSTANCE);
            session = opened;
            router = opened.router();
            for (String warning : options.warnings()) {
                LOGGER.warn("SeeStack appender '{}': {}", getName(), warning);
            }
        } catch (IllegalArgumentException e) {
            // inert, not refused, and one warning: a config problem never fails the configuration or the application
            LOGGER.warn("SeeStack appender '{}' ships nothing: {}", getName(),
                    AdapterOptions.joined(options.warnings(), e.getMessage()));
        }
        super.start();
    }

    @Override
    public void append(LogEvent event) {
        LogEventRouter r = router;
        if (r == null) {
            return;
        }
        try {
            Severity severity = LevelMapper.severity(event.getLevel());
            if (r.isRelevant(severity, event.getThrown() != null)) {
                r.route(LogEventReader.read(event, severity));
            }
        } catch (RuntimeException | LinkageError e) {
            long failures = readFailures.record();
            if (failures > 0) {
                LOGGER.warn("SeeStack appender '{}' could not read a log event ({} so far): {}", getName(),
                        failures, e.toString());
            }
        }
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        router = null;
        AdapterSession closing = session;
        session = null;
        if (closing != null) {
            closing.close();
        }
        setStopped();
        return stopped;
    }

    @Override
    public String toString() {
        return "SeeStackAppender{name=" + getName() + ", state=" + getState() + "}";
    }

    /**
     * Options of the {@code <SeeStack>} element: one text attribute per row of the SDK's option table, named as
     * the option and parsed and validated by the table (an unusable value is a status warning, the default is
     * kept). Unset client options fall back to the {@code SEESTACK_*} environment variables.
     */
    public static class Builder<B extends Builder<B>> extends AbstractAppender.Builder<B>
            implements org.apache.logging.log4j.core.util.Builder<SeeStackAppender> {
        // code sets the attributes by option name, setOption("apiKey", ...), not through one setter each
        private static final String SET_BY_NAME = "log4j.public.setter";

        /** Ingest API key (required unless {@code SEESTACK_API_KEY} is set). */
        @PluginBuilderAttribute(sensitive = true) @SuppressWarnings(SET_BY_NAME)
        private String apiKey;

        /** Base URL of the SeeStack backend, e.g. {@code https://seestack.example.com} (required). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String host;

        /** Environment name sent with errors. */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String environment;

        /** Release or version string sent with errors. */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String release;

        /** How often buffered logs are sent, in milliseconds (default 5000). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String flushIntervalMs;

        /** Events buffered per kind before the oldest are dropped (default 10 000). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String bufferSize;

        /** Estimated bytes of heap buffered per kind before the oldest are dropped (default 4 MiB). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String bufferBytes;

        /** Directory of the opt-in disk spool (env {@code SEESTACK_SPOOL_DIR}; default off). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String spoolDir;

        /** Cap of the disk spool in bytes (default 50 MB). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String spoolMaxBytes;

        /** Prints the SDK's debug lines to stderr (default false). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String debug;

        /** Send uncaught exceptions as fatal errors through a chaining default handler (default false). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String captureUncaughtExceptions;

        /** Project UUID, for HTTP monitoring and feature flags. */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String projectId;

        /** Management token for feature flags. */
        @PluginBuilderAttribute(sensitive = true) @SuppressWarnings(SET_BY_NAME)
        private String flagsToken;

        /** How long a feature-flag result is cached, in milliseconds (default 60000). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String flagCacheTtlMs;

        /** Forward proxy {@code http://[user:password@]host:port} (default: the JVM's proxy settings). */
        @PluginBuilderAttribute(sensitive = true) @SuppressWarnings(SET_BY_NAME)
        private String proxy;

        /** PKCS12/JKS file of CA certificates to trust for an https host. */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String trustStore;

        /** Password of the trust store. */
        @PluginBuilderAttribute(sensitive = true) @SuppressWarnings(SET_BY_NAME)
        private String trustStorePassword;

        /** Whether the client drains itself in a JVM shutdown hook (default true). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String shutdownHook;

        /** Service name sent when the ThreadContext carries none. */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String service;

        /** Lowest Log4j2 level shipped as a log (default INFO). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String minimumLogLevel;

        /** Lowest Log4j2 level at which an event's throwable is shipped as an error (default ERROR). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String minimumErrorLevel;

        /** ThreadContext key holding the trace id (default {@code traceId}). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String traceIdKey;

        /** ThreadContext key holding the service name (default {@code service}). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String serviceKey;

        /** ThreadContext key holding the user id (default {@code userId}). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String userIdKey;

        /** Tags merged into the metadata of every error and log: {@code region=eu-1,team=payments}. */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String tags;

        /** Server name sent with errors (default the local host name; empty turns it off). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String serverName;

        /** Breadcrumbs of the error's trace sent with each error (default 50; 0 turns them off). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String maxBreadcrumbs;

        /** Lowest level kept as a breadcrumb (default INFO). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String minimumBreadcrumbLevel;

        /** Comma-separated exception class names never sent as errors, subclasses included. */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String ignoredExceptions;

        /** Errors sent per group and minute (default 0: unlimited). */
        @PluginBuilderAttribute @SuppressWarnings(SET_BY_NAME)
        private String maxErrorsPerGroupPerMinute;

        /** Creates the appender; invalid options are reported when it starts, never by refusing it. */
        @Override
        public SeeStackAppender build() {
            AdapterOptions options = new AdapterOptions(LevelMapper::severityOfName,
                    "TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF or a custom level");
            for (Option option : Option.values()) {
                options.set(option, attribute(option.optionName()));
            }
            return new SeeStackAppender(getName(), getFilter(), isIgnoreExceptions(), getPropertyArray(), options);
        }

        /** Sets the option {@code name} (an attribute of the element, e.g. {@code apiKey}) in code. */
        public B setOption(String name, String value) {
            field(name).set(this, value);
            return asBuilder();
        }

        private String attribute(String name) {
            return field(name).get(this);
        }

        private BuilderField field(String name) {
            return new BuilderField(name);
        }
    }
}
