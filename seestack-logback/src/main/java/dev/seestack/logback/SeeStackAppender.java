package dev.seestack.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.diag.DiagnosticSink;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.logging.AdapterSession;
import dev.seestack.internal.logging.LogEventRouter;
import dev.seestack.internal.options.Option;

/**
 * Logback appender that ships events at or above {@code minimumLogLevel} as SeeStack logs and events carrying a
 * throwable at or above {@code minimumErrorLevel} as SeeStack errors. It shares the process-wide SeeStack client
 * (started in code or by another appender) or starts one from its own options; the SDK's warnings and
 * configuration errors go to Logback's status manager, never to the application's loggers.
 *
 * <pre>{@code
 * <appender name="SEESTACK" class="dev.seestack.logback.SeeStackAppender">
 *   <apiKey>${SEESTACK_API_KEY}</apiKey>
 *   <host>${SEESTACK_HOST}</host>
 * </appender>
 * }</pre>
 */
public class SeeStackAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final AdapterOptions options = new AdapterOptions(LogbackLevels::parseThreshold,
            "TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    private volatile AdapterSession session;
    private volatile LogEventRouter router;

    /** The options as set, for tests proving every row of the table is settable from logback.xml. */
    AdapterOptions options() {
        return options;
    }

    // One line per row of the option table (dev.seestack.internal.options.Option): Joran needs a real setter per
    // element; parsing, defaults and validation live in the table. Invalid values are WARN statuses.

    /** Ingest API key (required unless the SDK is already initialised; env {@code SEESTACK_API_KEY}). */
    public void setApiKey(String value) {
        options.set(Option.API_KEY, value);
    }

    /** Base URL of the backend, e.g. {@code https://seestack.example.com} (required; env {@code SEESTACK_HOST}). */
    public void setHost(String value) {
        options.set(Option.HOST, value);
    }

    /** Environment name sent with errors (env {@code SEESTACK_ENVIRONMENT}). */
    public void setEnvironment(String value) {
        options.set(Option.ENVIRONMENT, value);
    }

    /** Release/version sent with errors (env {@code SEESTACK_RELEASE}). */
    public void setRelease(String value) {
        options.set(Option.RELEASE, value);
    }

    /** How often buffered logs are sent, in milliseconds (default 5000). */
    public void setFlushIntervalMs(String value) {
        options.set(Option.FLUSH_INTERVAL_MS, value);
    }

    /** Capacity of each in-memory buffer, in events; the oldest are dropped when full (default 10 000). */
    public void setBufferSize(String value) {
        options.set(Option.BUFFER_SIZE, value);
    }

    /** Bound of each in-memory buffer in estimated bytes of heap; the oldest are dropped beyond it (default 4 MiB). */
    public void setBufferBytes(String value) {
        options.set(Option.BUFFER_BYTES, value);
    }

    /** Directory of the opt-in disk spool for undeliverable requests (env {@code SEESTACK_SPOOL_DIR}; default off). */
    public void setSpoolDir(String value) {
        options.set(Option.SPOOL_DIR, value);
    }

    /** Cap of the disk spool in bytes (default 50 MB); the oldest segment is dropped when full. */
    public void setSpoolMaxBytes(String value) {
        options.set(Option.SPOOL_MAX_BYTES, value);
    }

    /** Print the SDK's debug diagnostics to stderr (default false). */
    public void setDebug(String value) {
        options.set(Option.DEBUG, value);
    }

    /** Send uncaught exceptions as fatal errors through a chaining default handler (default false). */
    public void setCaptureUncaughtExceptions(String value) {
        options.set(Option.CAPTURE_UNCAUGHT_EXCEPTIONS, value);
    }

    /** Project UUID, used by HTTP monitoring and feature flags (env {@code SEESTACK_PROJECT_ID}). */
    public void setProjectId(String value) {
        options.set(Option.PROJECT_ID, value);
    }

    /** Management token for feature flags (env {@code SEESTACK_FLAGS_TOKEN}). */
    public void setFlagsToken(String value) {
        options.set(Option.FLAGS_TOKEN, value);
    }

    /** How long a feature-flag result is cached, in milliseconds (default 60000). */
    public void setFlagCacheTtlMs(String value) {
        options.set(Option.FLAG_CACHE_TTL_MS, value);
    }

    /** Forward proxy {@code http://[user:password@]host:port} (env {@code SEESTACK_PROXY}; default: JVM proxy settings). */
    public void setProxy(String value) {
        options.set(Option.PROXY, value);
    }

    /** PKCS12/JKS file of CA certificates to trust for an https host (env {@code SEESTACK_TRUST_STORE}). */
    public void setTrustStore(String value) {
        options.set(Option.TRUST_STORE, value);
    }

    /** Password of the trust store (env {@code SEESTACK_TRUST_STORE_PASSWORD}). */
    public void setTrustStorePassword(String value) {
        options.set(Option.TRUST_STORE_PASSWORD, value);
    }

    /** Whether the client this appender starts drains itself in a JVM shutdown hook (default true). */
    public void setShutdownHook(String value) {
        options.set(Option.SHUTDOWN_HOOK, value);
    }

    /** Service name sent with logs when neither the MDC nor {@code SeeStackContext} names one (default none). */
    public void setService(String value) {
        options.set(Option.SERVICE, value);
    }

    /** Lowest Logback level (TRACE, DEBUG, INFO, WARN, ERROR, OFF) shipped as a log (default INFO). */
    public void setMinimumLogLevel(String value) {
        options.set(Option.MINIMUM_LOG_LEVEL, value);
    }

    /** Lowest Logback level at which an event with a throwable is also shipped as an error (default ERROR). */
    public void setMinimumErrorLevel(String value) {
        options.set(Option.MINIMUM_ERROR_LEVEL, value);
    }

    /** MDC key holding the trace id (default {@code traceId}). */
    public void setTraceIdKey(String value) {
        options.set(Option.TRACE_ID_KEY, value);
    }

    /** MDC key holding the service name (default {@code service}). */
    public void setServiceKey(String value) {
        options.set(Option.SERVICE_KEY, value);
    }

    /** MDC key holding the user id (default {@code userId}). */
    public void setUserIdKey(String value) {
        options.set(Option.USER_ID_KEY, value);
    }

    /** Tags merged into the metadata of every error and log: {@code region=eu-1,team=payments} (default none). */
    public void setTags(String value) {
        options.set(Option.TAGS, value);
    }

    /** Server name sent with errors (default the local host name; {@code none} turns it off). */
    public void setServerName(String value) {
        options.set(Option.SERVER_NAME, value);
    }

    /** Breadcrumbs of the error's trace sent with each error (default 50; 0 turns them off). */
    public void setMaxBreadcrumbs(String value) {
        options.set(Option.MAX_BREADCRUMBS, value);
    }

    /** Lowest Logback level kept as a breadcrumb for later errors of the same trace (default INFO). */
    public void setMinimumBreadcrumbLevel(String value) {
        options.set(Option.MINIMUM_BREADCRUMB_LEVEL, value);
    }

    /** Comma-separated exception class names never sent as errors, subclasses included (default none). */
    public void setIgnoredExceptions(String value) {
        options.set(Option.IGNORED_EXCEPTIONS, value);
    }

    /** Errors sent per group and minute (default 0: unlimited); the rest are counted. */
    public void setMaxErrorsPerGroupPerMinute(String value) {
        options.set(Option.MAX_ERRORS_PER_GROUP_PER_MINUTE, value);
    }

    /**
     * Sets an option by its name ({@code "minimumLogLevel"}), as the element of that name would; for code that
     * configures the appender from its own property source (the Spring Boot starter). Unknown names are a warning.
     */
    public void setOption(String name, String value) {
        if (!options.set(name, value)) {
            addWarn("SeeStack: appender [" + getName() + "] has no option '" + name + "'");
        }
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        DiagnosticSink sink = this::report;
        try {
            AdapterSession opened;
            if (options.namesNoBackend() && ClientRegistry.current() == null) {
                opened = AdapterSession.joinShared(options);
                addInfo("SeeStack: appender [" + getName() + "] names no apiKey or host; it sends through the client"
                        + " started in code (SeeStack.init or the Spring Boot starter) and keeps events until then");
            } else {
                opened = AdapterSession.open(options, sink);
            }
            session = opened;
            router = opened.router();
            for (String warning : options.warnings()) {
                addWarn(warning + " (appender [" + getName() + "])");
            }
        } catch (IllegalArgumentException e) {
            // one WARN, not an ERROR: Spring Boot fails the application's startup on any Logback ERROR status,
            // and a missing or invalid option must never prevent the application from starting
            addWarn(AdapterOptions.joined(options.warnings(), e.getMessage()) + "; appender [" + getName()
                    + "] not started, the SDK is off");
            return;
        } catch (RuntimeException | LinkageError e) {
            addWarn("SeeStack: could not start appender [" + getName() + "]", e);
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogEventRouter r = router;
        if (r == null || event == null) {
            return;
        }
        try {
            Severity severity = LogbackLevels.toSeverity(event.getLevel());
            Throwable throwable = LoggingEventReader.throwableOf(event);
            if (r.isRelevant(severity, throwable != null)) {
                r.route(LoggingEventReader.read(event, severity, throwable));
            }
        } catch (RuntimeException | LinkageError e) {
            // a logging call must never fail because of the SDK; Logback would report a thrown exception anyway
            addError("SeeStack: could not read a logging event", e);
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        AdapterSession closing = session;
        router = null;
        session = null;
        if (closing != null) {
            try {
                closing.close();
            } catch (RuntimeException | LinkageError e) {
                addError("SeeStack: error while stopping appender [" + getName() + "]", e);
            }
        }
        super.stop();
    }

    private void report(String level, String message) {
        if ("ERROR".equals(level)) {
            addError(message);
        } else if ("WARN".equals(level)) {
            addWarn(message);
        } else {
            addInfo(message);
        }
    }
}
