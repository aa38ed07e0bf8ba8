package dev.seestack;

import dev.seestack.cron.JobHandle;
import dev.seestack.cron.JobStatus;
import dev.seestack.flags.FlagResult;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.ClientCore;
import dev.seestack.internal.EventCapture;
import dev.seestack.internal.cron.HeartbeatReporter;
import java.time.Duration;
import java.util.Map;

/**
 * A SeeStack client instance: owns its buffers, sender threads and shutdown hook. The static
 * {@link SeeStack} facade delegates to one of these; tests and libraries may create their own.
 * No method throws into the caller (except {@link #create} on invalid configuration).
 */
public final class SeeStackClient implements AutoCloseable {
    /** Default deadline of {@link #flush()}. */
    public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(5);

    static {
        ClientAccess.install(new ClientAccess.ClientBridge() {
            @Override
            public ClientCore core(SeeStackClient client) {
                return client.core;
            }

            @Override
            public SeeStackClient create(SeeStackConfig config, ClientComponents components) {
                return new SeeStackClient(new ClientCore(config, components));
            }
        });
    }

    private final ClientCore core;
    /** The core's capture paths, held here so that a capture call goes straight to them. */
    private final EventCapture capture;

    private SeeStackClient(ClientCore core) {
        this.core = core;
        this.capture = core.capture();
    }

    /** Starts a client for {@code config}. */
    public static SeeStackClient create(SeeStackConfig config) {
        return new SeeStackClient(new ClientCore(config, ClientComponents.defaults()));
    }

    /** Captures an exception as an error (sent immediately, off the caller's thread). */
    public void captureError(Throwable throwable) {
        capture.captureError(throwable, null);
    }

    /** Captures an exception with a level, user and metadata. */
    public void captureError(Throwable throwable, ErrorContext context) {
        capture.captureError(throwable, context);
    }

    /**
     * Buffers a log. {@code level} is one of debug, info, warn (or warning), error, fatal in any case;
     * {@code metadata} may carry {@code service} and {@code traceId}, which are sent as their own fields.
     */
    public void captureLog(String level, String message, Map<String, ?> metadata) {
        capture.captureLog(level, message, metadata);
    }

    /** Buffers a log at {@code level}; otherwise as {@link #captureLog(String, String, Map)}. */
    public void captureLog(Level level, String message, Map<String, ?> metadata) {
        capture.captureLog(level == null ? null : level.name(), message, metadata);
    }

    /**
     * Sets the global user: errors take the fields their own user lacks from it, HTTP items without a
     * {@code userId} (and without one on the request thread) take its id.
     */
    public void setUser(User user) {
        capture.setUser(user);
    }

    public void clearUser() {
        capture.setUser(null);
    }

    /** Sends everything buffered; blocks until done or 5 s pass. Returns whether everything was handled. */
    public boolean flush() {
        return core.flush(DEFAULT_FLUSH_TIMEOUT);
    }

    /** Sends everything buffered; blocks until done or {@code timeout} passes. */
    public boolean flush(Duration timeout) {
        return core.flush(timeout == null ? DEFAULT_FLUSH_TIMEOUT : timeout);
    }

    /** Flushes (5 s deadline) and stops the client's threads; later captures are ignored. Idempotent. */
    @Override
    public void close() {
        core.close();
    }

    /** Whether the client accepts captures (false after close, a 401 answer, or an insecure production host). */
    public boolean isEnabled() {
        return core.isEnabled();
    }

    /** Delivery counters per feature. */
    public ClientStats stats() {
        return core.stats();
    }

    /** The configuration this client runs with. */
    public SeeStackConfig config() {
        return core.config();
    }

    /** Buffers one HTTP exchange for HTTP monitoring (needs a UUID {@code projectId}; sent in batches). */
    public void captureHttpRequest(HttpRequestEvent event) {
        core.httpMonitor().capture(event);
    }

    /**
     * Starts timing a run of the cron monitor {@code slug} (the SeeStack SDKs' {@code startJob}); pass the handle to
     * {@link #finishJob} when the run ends. Sends nothing by itself; the slug is checked at {@code finishJob}.
     */
    public JobHandle startJob(String slug) {
        return JobHandle.start(slug);
    }

    /**
     * Sends the heartbeat of a finished run (immediately, off the caller's thread); an invalid slug is warned
     * about once and nothing is sent. {@code message} may be null.
     */
    public void finishJob(JobHandle handle, JobStatus status, String message) {
        HeartbeatReporter.report(capture, handle, status, message);
    }

    /**
     * Evaluates feature flag {@code key} for {@code userId} (may be null) and targeting {@code attributes}
     * (may be null); cached for {@code flagCacheTtlMs}. Blocks for at most a few seconds on a cache miss;
     * never throws: a failure gives the last cached result, else a disabled result.
     */
    public FlagResult getFlag(String key, String userId, Map<String, ?> attributes) {
        return core.flags().get(key, userId, attributes, null);
    }

    /** As {@link #getFlag(String, String, Map)}, answering {@code defaultResult} when nothing can be evaluated. */
    public FlagResult getFlag(String key, String userId, Map<String, ?> attributes, FlagResult defaultResult) {
        return core.flags().get(key, userId, attributes, defaultResult);
    }

    /** Evaluates every flag for {@code userId}; an empty map when nothing can be evaluated and nothing is cached. */
    public Map<String, FlagResult> getAllFlags(String userId, Map<String, ?> attributes) {
        return core.flags().getAll(userId, attributes, null);
    }

    /** As {@link #getAllFlags(String, Map)}, answering {@code defaults} when nothing can be evaluated. */
    public Map<String, FlagResult> getAllFlags(String userId, Map<String, ?> attributes,
            Map<String, FlagResult> defaults) {
        return core.flags().getAll(userId, attributes, defaults);
    }
}
