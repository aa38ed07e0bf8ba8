package dev.seestack.log4j2;

import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.diag.ThinnedWarning;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.logging.AdapterSession;
import dev.seestack.internal.logging.LogEventRouter;
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
        } catch (IllegalArgumentException e) {
            LOGGER.error("SeeStack appender '{}' not started: {}", getName(), e.getMessage());
            return;
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
     * Options of the {@code <SeeStack>} element. Unset client options fall back to the {@code SEESTACK_*}
     * environment variables, as in {@code SeeStackConfig}.
     */
    public static class Builder<B extends Builder<B>> extends AbstractAppender.Builder<B>
            implements org.apache.logging.log4j.core.util.Builder<SeeStackAppender> {

        /** Ingest API key (required unless {@code SEESTACK_API_KEY} is set). */
        @PluginBuilderAttribute(sensitive = true)
        private String apiKey;

        /** Base URL of the SeeStack backend, e.g. {@code https://seestack.example.com} (required). */
        @PluginBuilderAttribute
        private String host;

        /** Environment name (default {@code production}). */
        @PluginBuilderAttribute
        private String environment;

        /** Release or version string sent with errors. */
        @PluginBuilderAttribute
        private String release;

        /** How often buffered logs are sent, in milliseconds (default 5000). */
        @PluginBuilderAttribute
        private Long flushIntervalMs;

        /** Events buffered per kind before the oldest are dropped (default 500). */
        @PluginBuilderAttribute
        private Integer bufferSize;

        /** Directory of the opt-in disk spool (env {@code SEESTACK_SPOOL_DIR}; default off). */
        @PluginBuilderAttribute
        private String spoolDir;

        /** Cap of the disk spool in bytes (default 50 MB). */
        @PluginBuilderAttribute
        private Long spoolMaxBytes;

        /** Prints the SDK's debug lines to stderr (default false). */
        @PluginBuilderAttribute
        private boolean debug;

        /** Send uncaught exceptions as fatal errors through a chaining default handler (default false). */
        @PluginBuilderAttribute
        private boolean captureUncaughtExceptions;

        /** Project UUID, for HTTP monitoring and feature flags. */
        @PluginBuilderAttribute
        private String projectId;

        /** Whether the client drains itself in a JVM shutdown hook (default true). */
        @PluginBuilderAttribute
        private boolean shutdownHook = true;

        /** Management token for feature flags. */
        @PluginBuilderAttribute(sensitive = true)
        private String flagsToken;

        /** Forward proxy {@code http://[user:password@]host:port} (default: the JVM's proxy settings). */
        @PluginBuilderAttribute(sensitive = true)
        private String proxy;

        /** PKCS12/JKS file of CA certificates to trust for an https host. */
        @PluginBuilderAttribute
        private String trustStore;

        /** Password of the trust store. */
        @PluginBuilderAttribute(sensitive = true)
        private String trustStorePassword;

        /** Service name sent when the ThreadContext carries none. */
        @PluginBuilderAttribute
        private String service;

        /** Lowest Log4j2 level shipped as a log (default INFO). */
        @PluginBuilderAttribute
        private String minimumLogLevel;

        /** Lowest Log4j2 level at which an event's throwable is shipped as an error (default ERROR). */
        @PluginBuilderAttribute
        private String minimumErrorLevel;

        /** ThreadContext key holding the trace id (default {@code traceId}). */
        @PluginBuilderAttribute
        private String traceIdKey;

        /** ThreadContext key holding the service name (default {@code service}). */
        @PluginBuilderAttribute
        private String serviceKey;

        /** ThreadContext key holding the user id (default {@code userId}). */
        @PluginBuilderAttribute
        private String userIdKey;

        /**
         * Creates the appender, or reports the problem through Log4j2's status logger and returns null when the
         * options are invalid (the configuration then runs without this appender).
         */
        @Override
        public SeeStackAppender build() {
            try {
                AdapterOptions options = toOptions();
                // The options only matter when they start the client; a running client is shared as it is.
                // naming no apiKey and no host joins a client started in code (the Spring Boot starter) later
                if (ClientRegistry.current() == null && !options.namesNoBackend()) {
                    options.toConfig();
                }
                return new SeeStackAppender(getName(), getFilter(), isIgnoreExceptions(), getPropertyArray(),
                        options);
            } catch (IllegalArgumentException e) {
                LOGGER.error("SeeStack appender '{}' not created: {}", getName(), e.getMessage());
                return null;
            }
        }

        private AdapterOptions toOptions() {
            AdapterOptions o = new AdapterOptions();
            o.setApiKey(apiKey);
            o.setHost(host);
            o.setEnvironment(environment);
            o.setRelease(release);
            o.setFlushIntervalMs(flushIntervalMs);
            o.setBufferSize(bufferSize);
            o.setSpoolDir(spoolDir);
            o.setSpoolMaxBytes(spoolMaxBytes);
            o.setDebug(debug);
            o.setCaptureUncaughtExceptions(captureUncaughtExceptions);
            o.setShutdownHook(shutdownHook);
            o.setProjectId(projectId);
            o.setFlagsToken(flagsToken);
            o.setProxy(proxy);
            o.setTrustStore(trustStore);
            o.setTrustStorePassword(trustStorePassword);
            o.setService(service);
            o.setMinimumLogLevel(LevelMapper.severityOfName("minimumLogLevel", minimumLogLevel));
            o.setMinimumErrorLevel(LevelMapper.severityOfName("minimumErrorLevel", minimumErrorLevel));
            o.setTraceIdKey(traceIdKey);
            o.setServiceKey(serviceKey);
            o.setUserIdKey(userIdKey);
            return o;
        }

        public B setApiKey(String apiKey) {
            this.apiKey = apiKey;
            return asBuilder();
        }

        public B setHost(String host) {
            this.host = host;
            return asBuilder();
        }

        public B setEnvironment(String environment) {
            this.environment = environment;
            return asBuilder();
        }

        public B setRelease(String release) {
            this.release = release;
            return asBuilder();
        }

        public B setFlushIntervalMs(Long flushIntervalMs) {
            this.flushIntervalMs = flushIntervalMs;
            return asBuilder();
        }

        public B setBufferSize(Integer bufferSize) {
            this.bufferSize = bufferSize;
            return asBuilder();
        }

        public B setSpoolDir(String spoolDir) {
            this.spoolDir = spoolDir;
            return asBuilder();
        }

        public B setSpoolMaxBytes(Long spoolMaxBytes) {
            this.spoolMaxBytes = spoolMaxBytes;
            return asBuilder();
        }

        public B setDebug(boolean debug) {
            this.debug = debug;
            return asBuilder();
        }

        public B setCaptureUncaughtExceptions(boolean captureUncaughtExceptions) {
            this.captureUncaughtExceptions = captureUncaughtExceptions;
            return asBuilder();
        }

        public B setShutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return asBuilder();
        }

        public B setProjectId(String projectId) {
            this.projectId = projectId;
            return asBuilder();
        }

        public B setFlagsToken(String flagsToken) {
            this.flagsToken = flagsToken;
            return asBuilder();
        }

        public B setProxy(String proxy) {
            this.proxy = proxy;
            return asBuilder();
        }

        public B setTrustStore(String trustStore) {
            this.trustStore = trustStore;
            return asBuilder();
        }

        public B setTrustStorePassword(String trustStorePassword) {
            this.trustStorePassword = trustStorePassword;
            return asBuilder();
        }

        public B setService(String service) {
            this.service = service;
            return asBuilder();
        }

        /** A Log4j2 level name, e.g. {@code INFO}. */
        public B setMinimumLogLevel(String minimumLogLevel) {
            this.minimumLogLevel = minimumLogLevel;
            return asBuilder();
        }

        /** A Log4j2 level name, e.g. {@code ERROR}. */
        public B setMinimumErrorLevel(String minimumErrorLevel) {
            this.minimumErrorLevel = minimumErrorLevel;
            return asBuilder();
        }

        public B setTraceIdKey(String traceIdKey) {
            this.traceIdKey = traceIdKey;
            return asBuilder();
        }

        public B setServiceKey(String serviceKey) {
            this.serviceKey = serviceKey;
            return asBuilder();
        }

        public B setUserIdKey(String userIdKey) {
            this.userIdKey = userIdKey;
            return asBuilder();
        }
    }
}
