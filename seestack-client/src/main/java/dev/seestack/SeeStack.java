package dev.seestack;

import dev.seestack.cron.JobHandle;
import dev.seestack.cron.JobStatus;
import dev.seestack.flags.FlagResult;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.ClientRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;

/**
 * The static entry point, mirroring the other SeeStack SDKs. It delegates to one {@link SeeStackClient};
 * before {@link #init} every method is a silent no-op.
 */
public final class SeeStack {
    private SeeStack() {
    }

    /**
     * Starts the SDK. A second call warns and is ignored; a client that a logging appender started from its
     * configuration is replaced (and closed cleanly).
     *
     * @throws IllegalArgumentException naming the option when {@code apiKey} or {@code host} is missing/invalid
     *     (raised by {@link SeeStackConfig.Builder#build()})
     */
    public static SeeStackClient init(SeeStackConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("SeeStack: config must not be null");
        }
        return ClientRegistry.initExplicit(config);
    }

    /** Whether a client is running. */
    public static boolean isInitialized() {
        return ClientRegistry.current() != null;
    }

    /** The running client, or null before init. */
    public static SeeStackClient client() {
        return ClientRegistry.current();
    }

    public static void captureError(Throwable throwable) {
        SeeStackClient c = ClientRegistry.current();
        if (c != null) {
            c.captureError(throwable);
        }
    }

    public static void captureError(Throwable throwable, ErrorContext context) {
        SeeStackClient c = ClientRegistry.current();
        if (c != null) {
            c.captureError(throwable, context);
        }
    }

    /** See {@link SeeStackClient#captureLog(String, String, Map)}; a no-op before init. */
    public static void captureLog(String level, String message, Map<String, ?> metadata) {
        SeeStackClient c = ClientRegistry.current();
        if (c != null) {
            c.captureLog(level, message, metadata);
        }
    }

    /** See {@link SeeStackClient#captureLog(Level, String, Map)}; a no-op before init. */
    public static void captureLog(Level level, String message, Map<String, ?> metadata) {
        SeeStackClient c = ClientRegistry.current();
        if (c != null) {
            c.captureLog(level, message, metadata);
        }
    }

    /** Sets the global user (see {@link SeeStackClient#setUser}); ignored before {@code init}. */
    public static void setUser(User user) {
        SeeStackClient c = ClientRegistry.current();
        if (c != null) {
            c.setUser(user);
        }
    }

    public static void clearUser() {
        SeeStackClient c = ClientRegistry.current();
        if (c != null) {
            c.clearUser();
        }
    }

    /** Sends everything buffered; blocks until done or 5 s pass. */
    public static boolean flush() {
        SeeStackClient c = ClientRegistry.current();
        return c == null || c.flush();
    }

    public static boolean flush(Duration timeout) {
        SeeStackClient c = ClientRegistry.current();
        return c == null || c.flush(timeout);
    }

    /** Flushes and stops the running client; a later {@link #init} starts a new one. */
    public static void close() {
        ClientRegistry.closeCurrent();
    }

    /** Counters of the running client, or null before init. */
    public static ClientStats stats() {
        SeeStackClient c = ClientRegistry.current();
        return c == null ? null : c.stats();
    }

    /** See {@link SeeStackClient#captureHttpRequest}; a no-op before init. */
    public static void captureHttpRequest(HttpRequestEvent event) {
        SeeStackClient c = ClientRegistry.current();
        if (c != null) {
            c.captureHttpRequest(event);
        }
    }

    /**
     * Starts timing a run of the cron monitor {@code slug}; end it with {@link #finishJob}. Works before
     * {@code init} too (the handle is only a slug and a start time):
     *
     * <pre>{@code
     * JobHandle job = SeeStack.startJob("nightly-report");
     * try {
     *     report.generate();
     *     SeeStack.finishJob(job, JobStatus.SUCCESS, null);
     * } catch (RuntimeException e) {
     *     SeeStack.finishJob(job, JobStatus.FAILED, e.getMessage());
     *     throw e;
     * }
     * }</pre>
     */
    public static JobHandle startJob(String slug) {
        return JobHandle.start(slug);
    }

    /** Sends the heartbeat of a run started with {@link #startJob}; see {@link SeeStackClient#finishJob}. A no-op before init. */
    public static void finishJob(JobHandle handle, JobStatus status, String message) {
        SeeStackClient c = ClientRegistry.current();
        if (c != null) {
            c.finishJob(handle, status, message);
        }
    }

    /** See {@link SeeStackClient#getFlag(String, String, Map)}; a disabled result before init. */
    public static FlagResult getFlag(String key, String userId, Map<String, ?> attributes) {
        return getFlag(key, userId, attributes, FlagResult.disabled());
    }

    /** See {@link SeeStackClient#getFlag(String, String, Map, FlagResult)}; {@code defaultResult} before init. */
    public static FlagResult getFlag(String key, String userId, Map<String, ?> attributes, FlagResult defaultResult) {
        SeeStackClient c = ClientRegistry.current();
        if (c == null) {
            return defaultResult != null ? defaultResult : FlagResult.disabled();
        }
        return c.getFlag(key, userId, attributes, defaultResult);
    }

    /** See {@link SeeStackClient#getAllFlags(String, Map)}; an empty map before init. */
    public static Map<String, FlagResult> getAllFlags(String userId, Map<String, ?> attributes) {
        return getAllFlags(userId, attributes, Collections.emptyMap());
    }

    /** See {@link SeeStackClient#getAllFlags(String, Map, Map)}; {@code defaults} before init. */
    public static Map<String, FlagResult> getAllFlags(String userId, Map<String, ?> attributes,
            Map<String, FlagResult> defaults) {
        SeeStackClient c = ClientRegistry.current();
        if (c == null) {
            return defaults != null ? defaults : Collections.emptyMap();
        }
        return c.getAllFlags(userId, attributes, defaults);
    }
}
