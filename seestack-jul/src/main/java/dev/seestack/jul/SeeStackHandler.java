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
import dev.seestack.internal.options.Option;
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

    private final AdapterOptions options = new AdapterOptions(SeeStackHandler::severityOfName,
            "a java.util.logging level name or number, e.g. SEVERE, WARNING, INFO, FINE, 900");
    private final HandlerProperties properties;
    private final HandlerSession session;

    /** Reads every option from the {@link LogManager} properties {@code <class name>.<option>}. */
    public SeeStackHandler() {
        this.properties = HandlerProperties.of(getClass());
        this.session = new HandlerSession(options, properties, getClass().getName(), this::reportError);
        configure(true);
    }

    /**
     * Takes the client options (apiKey, host, ... every option of {@code SeeStackConfig}) from {@code config};
     * level, filter, service, minimumErrorLevel and the MDC key names still come from the {@link LogManager}
     * properties or the setters.
     */
    public SeeStackHandler(SeeStackConfig config) {
        this.properties = HandlerProperties.of(getClass());
        this.session = new HandlerSession(options, properties, getClass().getName(), this::reportError);
        options.copyFrom(config);
        configure(false);
    }

    private void configure(boolean clientOptions) {
        properties.applyTo(options, clientOptions);
        Level level = properties.level("level", DEFAULT_LEVEL);
        String minimumLogLevel = properties.string(Option.MINIMUM_LOG_LEVEL.optionName());
        if (minimumLogLevel != null && severityOfName(minimumLogLevel) != null) {
            level = Level.parse(minimumLogLevel.strip());
        }
        setLevel(level);
        setFilter(properties.filter("filter"));
    }

    // JUL names its levels in upper case (SEVERE) or by number (1000); an unknown name is null
    private static Severity severityOfName(String name) {
        try {
            return RecordMapper.severityOf(Level.parse(name.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Ships {@code record} when it is loggable here; never throws and never blocks on the network. */
    @Override
    public void publish(LogRecord record) {
        try {
            // the SDK's and its HTTP client's own records are dropped before they can start or reach anything
            if (record == null || !isLoggable(record) || RecursionGuard.isSdkRecord(record.getLoggerName(), null)) {
                return;
            }
            AdapterSession current = session.current();
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
        if (!session.isOpen()) {
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
        session.close();
    }

    /** Sets the handler's level; records below it are neither logs nor errors (default {@code INFO}). */
    @Override
    public synchronized void setLevel(Level level) {
        super.setLevel(level);
        options.setTyped(Option.MINIMUM_LOG_LEVEL, level == null ? null : RecordMapper.severityOf(level));
    }

    /** Ingest API key (required unless {@code SEESTACK_API_KEY} is set); read when the handler starts. */
    public void setApiKey(String apiKey) {
        set(Option.API_KEY, apiKey);
    }

    /** Base URL such as {@code https://seestack.example.com} (required unless {@code SEESTACK_HOST} is set). */
    public void setHost(String host) {
        set(Option.HOST, host);
    }

    /** Environment attached to errors (default none). */
    public void setEnvironment(String environment) {
        set(Option.ENVIRONMENT, environment);
    }

    /** Release/version attached to errors (default none). */
    public void setRelease(String release) {
        set(Option.RELEASE, release);
    }

    /** Interval of timed flushes of buffered logs, in milliseconds (default 5000). */
    public void setFlushIntervalMs(long flushIntervalMs) {
        setTyped(Option.FLUSH_INTERVAL_MS, flushIntervalMs);
    }

    /** Capacity of each buffer, in events (default 10 000); the oldest is dropped when full. */
    public void setBufferSize(int bufferSize) {
        setTyped(Option.BUFFER_SIZE, bufferSize);
    }

    /** Bound of each buffer in estimated bytes of heap (default 4 MiB); the oldest is dropped beyond it. */
    public void setBufferBytes(long bufferBytes) {
        setTyped(Option.BUFFER_BYTES, bufferBytes);
    }

    /** Directory of the opt-in disk spool (env {@code SEESTACK_SPOOL_DIR}; default off). */
    public void setSpoolDir(String spoolDir) {
        set(Option.SPOOL_DIR, spoolDir);
    }

    /** Cap of the disk spool in bytes (default 50 MB). */
    public void setSpoolMaxBytes(long spoolMaxBytes) {
        setTyped(Option.SPOOL_MAX_BYTES, spoolMaxBytes);
    }

    /** Whether the client this handler starts drains itself in a JVM shutdown hook (default true). */
    public void setShutdownHook(boolean shutdownHook) {
        setTyped(Option.SHUTDOWN_HOOK, shutdownHook);
    }

    /** Prints SDK diagnostics to stderr (default false). */
    public void setDebug(boolean debug) {
        setTyped(Option.DEBUG, debug);
    }

    /** Send uncaught exceptions as fatal errors through a chaining default handler (default false). */
    public void setCaptureUncaughtExceptions(boolean captureUncaughtExceptions) {
        setTyped(Option.CAPTURE_UNCAUGHT_EXCEPTIONS, captureUncaughtExceptions);
    }

    /** Project UUID for HTTP monitoring and feature flags (default none). */
    public void setProjectId(String projectId) {
        set(Option.PROJECT_ID, projectId);
    }

    /** Management token for feature flags (default none). */
    public void setFlagsToken(String flagsToken) {
        set(Option.FLAGS_TOKEN, flagsToken);
    }

    /** How long a feature-flag result is cached, in milliseconds (default 60000). */
    public void setFlagCacheTtlMs(long flagCacheTtlMs) {
        setTyped(Option.FLAG_CACHE_TTL_MS, flagCacheTtlMs);
    }

    /** Forward proxy {@code http://[user:password@]host:port} (default: the JVM's proxy settings). */
    public void setProxy(String proxy) {
        set(Option.PROXY, proxy);
    }

    /** PKCS12/JKS file of CA certificates to trust for an https host (default: the JVM's trust store). */
    public void setTrustStore(String trustStore) {
        set(Option.TRUST_STORE, trustStore);
    }

    /** Password of the trust store. */
    public void setTrustStorePassword(String trustStorePassword) {
        set(Option.TRUST_STORE_PASSWORD, trustStorePassword);
    }

    /** Service name sent with logs when neither the MDC nor {@link SeeStackContext} has one (default none). */
    public void setService(String service) {
        set(Option.SERVICE, service);
    }

    /** SLF4J MDC key read as the trace id (default {@code traceId}). */
    public void setTraceIdKey(String traceIdKey) {
        set(Option.TRACE_ID_KEY, traceIdKey);
    }

    /** SLF4J MDC key read as the service (default {@code service}). */
    public void setServiceKey(String serviceKey) {
        set(Option.SERVICE_KEY, serviceKey);
    }

    /** SLF4J MDC key read as the user id (default {@code userId}). */
    public void setUserIdKey(String userIdKey) {
        set(Option.USER_ID_KEY, userIdKey);
    }

    /** Lowest level at which a record's throwable is also sent as an error (default {@code SEVERE}). */
    public void setMinimumErrorLevel(Level level) {
        setTyped(Option.MINIMUM_ERROR_LEVEL, level == null ? null : RecordMapper.severityOf(level));
    }

    private void set(Option option, String text) {
        session.change(() -> options.set(option, text));
    }

    private void setTyped(Option option, Object value) {
        session.change(() -> options.setTyped(option, value));
    }

    /** The options as set, for tests proving every row of the table is settable from logging.properties. */
    AdapterOptions options() {
        return options;
    }

    private void reportError(String message, int code) {
        reportError(message, null, code);
    }
}
