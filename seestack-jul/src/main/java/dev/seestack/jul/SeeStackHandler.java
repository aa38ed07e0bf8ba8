package dev.seestack.jul;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.SeeStackContext;
import dev.seestack.internal.ClientCore;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.logging.AdapterSession;
import dev.seestack.internal.logging.LogEventRouter;
import dev.seestack.internal.logging.RecursionGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} handler that ships records at or above its level to SeeStack as logs, and
 * records carrying a throwable at or above {@code minimumErrorLevel} also as errors. Configure it in
 * {@code logging.properties} with {@code <class name>.<option>} entries ({@code ${NAME}} references are read
 * from the environment), or in code with the setters before the first record is published.
 *
 * <p>The handler connects lazily, on the first record it publishes; a configuration problem (no
 * {@code apiKey} or {@code host}) is reported once through its {@link ErrorManager} and leaves it inert.
 * {@link #close()} (called by {@link LogManager#reset()}, also at JVM exit) sends what is buffered within 5 s.
 * Context ({@code traceId}, {@code service}, {@code userId}) comes from the SLF4J MDC when SLF4J is present,
 * otherwise from {@link SeeStackContext}.
 */
public class SeeStackHandler extends Handler {
    /** The handler's level when {@code level} is not configured. */
    public static final Level DEFAULT_LEVEL = Level.INFO;
    /** The lowest level at which a record's throwable is also sent as an error, when not configured. */
    public static final Level DEFAULT_MINIMUM_ERROR_LEVEL = Level.SEVERE;

    private enum State { NEW, STARTING, RUNNING, FAILED, CLOSED }

    private final AdapterOptions options = new AdapterOptions();
    private final Object lifecycle = new Object();
    private final HandlerProperties properties;
    private volatile State state = State.NEW;
    private volatile AdapterSession session;

    /** Reads every option from the {@link LogManager} properties {@code <class name>.<option>}. */
    public SeeStackHandler() {
        this.properties = HandlerProperties.of(getClass());
        properties.applyClientOptions(options);
        configureHandlerOptions();
    }

    /**
     * Takes the client options (apiKey, host, environment, release, flushIntervalMs, bufferSize, debug,
     * projectId, flagsToken) from {@code config}; level, filter, service, minimumErrorLevel and the MDC key names
     * still come from the {@link LogManager} properties or the setters.
     */
    public SeeStackHandler(SeeStackConfig config) {
        this.properties = HandlerProperties.of(getClass());
        options.setApiKey(config.apiKey());
        options.setHost(config.host());
        options.setEnvironment(config.environment());
        options.setRelease(config.release());
        options.setFlushIntervalMs(config.flushIntervalMs());
        options.setBufferSize(config.bufferSize());
        options.setDebug(config.debug());
        options.setCaptureUncaughtExceptions(config.captureUncaughtExceptions());
        options.setShutdownHook(config.shutdownHook());
        options.setProjectId(config.projectId());
        options.setFlagsToken(config.flagsToken());
        options.setSpoolDir(config.spoolDir());
        options.setSpoolMaxBytes(config.spoolMaxBytes());
        options.setProxy(config.proxy());
        options.setSslContext(config.sslContext());
        configureHandlerOptions();
    }

    private void configureHandlerOptions() {
        properties.applyMappingOptions(options);
        setLevel(properties.level("level", DEFAULT_LEVEL));
        options.setMinimumErrorLevel(RecordMapper.severityOf(
                properties.level("minimumErrorLevel", DEFAULT_MINIMUM_ERROR_LEVEL)));
        setFilter(properties.filter("filter"));
    }

    /** Ships {@code record} when it is loggable here; never throws and never blocks on the network. */
    @Override
    public void publish(LogRecord record) {
        try {
            // the SDK's and its HTTP client's own records are dropped before they can start or reach anything
            if (record == null || !isLoggable(record) || RecursionGuard.isSdkRecord(record.getLoggerName(), null)) {
                return;
            }
            AdapterSession current = session();
            if (current == null) {
                return;
            }
            LogEventRouter router = current.router();
            Severity severity = RecordMapper.severityOf(record.getLevel());
            if (router.isRelevant(severity, record.getThrown() != null)) {
                router.route(RecordMapper.toEvent(record, severity));
            }
        } catch (RuntimeException | LinkageError e) {
            reportError("SeeStack: could not ship a log record", null, ErrorManager.WRITE_FAILURE);
        }
    }

    /** Sends what is buffered, waiting up to 5 s; a no-op before the first record or after close. */
    @Override
    public void flush() {
        if (session == null) {
            return;
        }
        try {
            SeeStackClient client = ClientRegistry.current();
            if (client != null) {
                client.flush(ClientCore.CLOSE_DEADLINE);
            }
        } catch (RuntimeException e) {
            reportError("SeeStack: flush failed", null, ErrorManager.FLUSH_FAILURE);
        }
    }

    /** Sends what is buffered (5 s deadline) and releases the SDK client; later records are ignored. Idempotent. */
    @Override
    public void close() {
        AdapterSession closing;
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            closing = session;
            session = null;
            state = State.CLOSED;
        }
        if (closing != null) {
            try {
                closing.close();
            } catch (RuntimeException e) {
                reportError("SeeStack: close failed", null, ErrorManager.CLOSE_FAILURE);
            }
        }
    }

    /** Sets the handler's level; records below it are neither logs nor errors (default {@code INFO}). */
    @Override
    public synchronized void setLevel(Level level) {
        super.setLevel(level);
        options.setMinimumLogLevel(RecordMapper.severityOf(level));
    }

    /** Ingest API key (required unless {@code SEESTACK_API_KEY} is set); read when the handler starts. */
    public void setApiKey(String apiKey) {
        synchronized (lifecycle) {
            options.setApiKey(apiKey);
        }
    }

    /** Base URL such as {@code https://seestack.example.com} (required unless {@code SEESTACK_HOST} is set). */
    public void setHost(String host) {
        synchronized (lifecycle) {
            options.setHost(host);
        }
    }

    /** Environment attached to errors (default {@code production}). */
    public void setEnvironment(String environment) {
        synchronized (lifecycle) {
            options.setEnvironment(environment);
        }
    }

    /** Release/version attached to errors (default none). */
    public void setRelease(String release) {
        synchronized (lifecycle) {
            options.setRelease(release);
        }
    }

    /** Interval of timed flushes of buffered logs, in milliseconds (default 5000). */
    public void setFlushIntervalMs(long flushIntervalMs) {
        synchronized (lifecycle) {
            options.setFlushIntervalMs(flushIntervalMs);
        }
    }

    /** Capacity of each buffer, in events (default 500); the oldest is dropped when full. */
    public void setBufferSize(int bufferSize) {
        synchronized (lifecycle) {
            options.setBufferSize(bufferSize);
        }
    }

    /** Directory of the opt-in disk spool (env {@code SEESTACK_SPOOL_DIR}; default off). */
    public void setSpoolDir(String spoolDir) {
        synchronized (lifecycle) {
            options.setSpoolDir(spoolDir);
        }
    }

    /** Cap of the disk spool in bytes (default 50 MB). */
    public void setSpoolMaxBytes(long spoolMaxBytes) {
        synchronized (lifecycle) {
            options.setSpoolMaxBytes(spoolMaxBytes);
        }
    }

    /** Whether the client this handler starts drains itself in a JVM shutdown hook (default true). */
    public void setShutdownHook(boolean shutdownHook) {
        synchronized (lifecycle) {
            options.setShutdownHook(shutdownHook);
        }
    }

    /** Prints SDK diagnostics to stderr (default false). */
    public void setDebug(boolean debug) {
        synchronized (lifecycle) {
            options.setDebug(debug);
        }
    }

    /** Send uncaught exceptions as fatal errors through a chaining default handler (default false). */
    public void setCaptureUncaughtExceptions(boolean captureUncaughtExceptions) {
        synchronized (lifecycle) {
            options.setCaptureUncaughtExceptions(captureUncaughtExceptions);
        }
    }

    /** Project UUID for HTTP monitoring and feature flags (default none). */
    public void setProjectId(String projectId) {
        synchronized (lifecycle) {
            options.setProjectId(projectId);
        }
    }

    /** Management token for feature flags (default none). */
    public void setFlagsToken(String flagsToken) {
        synchronized (lifecycle) {
            options.setFlagsToken(flagsToken);
        }
    }

    /** Forward proxy {@code http://[user:password@]host:port} (default: the JVM's proxy settings). */
    public void setProxy(String proxy) {
        synchronized (lifecycle) {
            options.setProxy(proxy);
        }
    }

    /** PKCS12/JKS file of CA certificates to trust for an https host (default: the JVM's trust store). */
    public void setTrustStore(String trustStore) {
        synchronized (lifecycle) {
            options.setTrustStore(trustStore);
        }
    }

    /** Password of the trust store. */
    public void setTrustStorePassword(String trustStorePassword) {
        synchronized (lifecycle) {
            options.setTrustStorePassword(trustStorePassword);
        }
    }

    /** Service name sent with logs when neither the MDC nor {@link SeeStackContext} has one (default none). */
    public void setService(String service) {
        synchronized (lifecycle) {
            options.setService(service);
        }
    }

    /** Lowest level at which a record's throwable is also sent as an error (default {@code SEVERE}). */
    public void setMinimumErrorLevel(Level level) {
        synchronized (lifecycle) {
            options.setMinimumErrorLevel(level == null ? null : RecordMapper.severityOf(level));
        }
    }

    /** SLF4J MDC key read as the trace id (default {@code traceId}). */
    public void setTraceIdKey(String key) {
        synchronized (lifecycle) {
            options.setTraceIdKey(key);
        }
    }

    /** SLF4J MDC key read as the service (default {@code service}). */
    public void setServiceKey(String key) {
        synchronized (lifecycle) {
            options.setServiceKey(key);
        }
    }

    /** SLF4J MDC key read as the user id (default {@code userId}). */
    public void setUserIdKey(String key) {
        synchronized (lifecycle) {
            options.setUserIdKey(key);
        }
    }

    // Connecting on the first record (not in the constructor) lets code set options and an ErrorManager
    // after construction, and keeps JUL's configuration pass free of SDK start-up.
    private AdapterSession session() {
        AdapterSession current = session;
        if (current != null || state == State.FAILED || state == State.CLOSED) {
            return current;
        }
        synchronized (lifecycle) {
            if (state == State.NEW) {
                start();
            }
            // STARTING here means a record published by the start itself on this thread: it is dropped
            return session;
        }
    }

    // Reports once: the unusable values, and why the handler stays inert when it cannot start.
    private void start() {
        state = State.STARTING;
        List<String> problems = new ArrayList<>(properties.problems());
        try {
            session = AdapterSession.open(options, this::reportDiagnostic);
            state = State.RUNNING;
        } catch (IllegalArgumentException e) {
            state = State.FAILED;
            problems.add(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            state = State.FAILED;
            problems.add("SeeStack: could not start (" + e + ")");
        }
        if (state == State.FAILED) {
            problems.add(getClass().getName() + " ships nothing");
        }
        if (!problems.isEmpty()) {
            reportError(String.join("; ", problems), null,
                    state == State.FAILED ? ErrorManager.OPEN_FAILURE : ErrorManager.GENERIC_FAILURE);
        }
    }

    private void reportDiagnostic(String level, String message) {
        reportError(message, null, ErrorManager.GENERIC_FAILURE);
    }
}
