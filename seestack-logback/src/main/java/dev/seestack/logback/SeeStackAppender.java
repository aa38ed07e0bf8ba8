package dev.seestack.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.diag.DiagnosticSink;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.logging.AdapterSession;
import dev.seestack.internal.logging.LogEventRouter;

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
    private final AdapterOptions options = new AdapterOptions();
    private volatile AdapterSession session;
    private volatile LogEventRouter router;

    /** Ingest API key (required unless the SDK is already initialised; env {@code SEESTACK_API_KEY}). */
    public void setApiKey(String apiKey) {
        options.setApiKey(apiKey);
    }

    /** Base URL of the backend, e.g. {@code https://seestack.example.com} (required; env {@code SEESTACK_HOST}). */
    public void setHost(String host) {
        options.setHost(host);
    }

    /** Environment name sent with errors (default {@code production}; env {@code SEESTACK_ENVIRONMENT}). */
    public void setEnvironment(String environment) {
        options.setEnvironment(environment);
    }

    /** Release/version sent with errors (env {@code SEESTACK_RELEASE}). */
    public void setRelease(String release) {
        options.setRelease(release);
    }

    /** How often buffered logs are sent, in milliseconds (default 5000). */
    public void setFlushIntervalMs(long flushIntervalMs) {
        options.setFlushIntervalMs(flushIntervalMs);
    }

    /** Capacity of each in-memory buffer, in events; the oldest are dropped when full (default 500). */
    public void setBufferSize(int bufferSize) {
        options.setBufferSize(bufferSize);
    }

    /** Directory of the opt-in disk spool for undeliverable requests (env {@code SEESTACK_SPOOL_DIR}; default off). */
    public void setSpoolDir(String spoolDir) {
        options.setSpoolDir(spoolDir);
    }

    /** Cap of the disk spool in bytes (default 50 MB); the oldest segment is dropped when full. */
    public void setSpoolMaxBytes(long spoolMaxBytes) {
        options.setSpoolMaxBytes(spoolMaxBytes);
    }

    /** Print the SDK's debug diagnostics to stderr (default false). */
    public void setDebug(boolean debug) {
        options.setDebug(debug);
    }

    /** Send uncaught exceptions as fatal errors through a chaining default handler (default false). */
    public void setCaptureUncaughtExceptions(boolean captureUncaughtExceptions) {
        options.setCaptureUncaughtExceptions(captureUncaughtExceptions);
    }

    /** Project UUID, used by HTTP monitoring and feature flags (env {@code SEESTACK_PROJECT_ID}). */
    public void setProjectId(String projectId) {
        options.setProjectId(projectId);
    }

    /** Management token for feature flags (env {@code SEESTACK_FLAGS_TOKEN}). */
    public void setFlagsToken(String flagsToken) {
        options.setFlagsToken(flagsToken);
    }

    /** Forward proxy {@code http://[user:password@]host:port} (env {@code SEESTACK_PROXY}; default: JVM proxy settings). */
    public void setProxy(String proxy) {
        options.setProxy(proxy);
    }

    /** PKCS12/JKS file of CA certificates to trust for an https host (env {@code SEESTACK_TRUST_STORE}). */
    public void setTrustStore(String trustStore) {
        options.setTrustStore(trustStore);
    }

    /** Password of the trust store (env {@code SEESTACK_TRUST_STORE_PASSWORD}). */
    public void setTrustStorePassword(String trustStorePassword) {
        options.setTrustStorePassword(trustStorePassword);
    }

    /**
     * Whether the client this appender starts drains itself in a JVM shutdown hook (default true); turn it off
     * when the application closes the client itself (the Spring Boot starter does).
     */
    public void setShutdownHook(boolean shutdownHook) {
        options.setShutdownHook(shutdownHook);
    }

    /** Service name sent with logs when neither the MDC nor {@code SeeStackContext} names one (default none). */
    public void setService(String service) {
        options.setService(service);
    }

    /** Lowest Logback level (TRACE, DEBUG, INFO, WARN, ERROR, OFF) shipped as a log (default INFO). */
    public void setMinimumLogLevel(String level) {
        Severity severity = parseLevel("minimumLogLevel", level);
        if (severity != null) {
            options.setMinimumLogLevel(severity);
        }
    }

    /** Lowest Logback level at which an event with a throwable is also shipped as an error (default ERROR). */
    public void setMinimumErrorLevel(String level) {
        Severity severity = parseLevel("minimumErrorLevel", level);
        if (severity != null) {
            options.setMinimumErrorLevel(severity);
        }
    }

    /** MDC key holding the trace id (default {@code traceId}). */
    public void setTraceIdKey(String key) {
        options.setTraceIdKey(key);
    }

    /** MDC key holding the service name (default {@code service}). */
    public void setServiceKey(String key) {
        options.setServiceKey(key);
    }

    /** MDC key holding the user id (default {@code userId}). */
    public void setUserIdKey(String key) {
        options.setUserIdKey(key);
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
        } catch (IllegalArgumentException e) {
            // a WARN, not an ERROR: Spring Boot fails the application's startup on any Logback ERROR status,
            // and a missing or invalid option must never prevent the application from starting
            addWarn(e.getMessage() + "; appender [" + getName() + "] not started, the SDK is off");
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

    private Severity parseLevel(String option, String name) {
        Severity severity = LogbackLevels.parseThreshold(name);
        if (severity == null) {
            addWarn("SeeStack: option '" + option + "' is not a Logback level (TRACE, DEBUG, INFO, WARN, ERROR,"
                    + " OFF): " + name + "; keeping the default");
        }
        return severity;
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
