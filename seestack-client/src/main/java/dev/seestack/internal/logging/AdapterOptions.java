package dev.seestack.internal.logging;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.event.Severity;
import javax.net.ssl.SSLContext;

/**
 * The options every logging adapter accepts (all of {@link SeeStackConfig} plus the mapping options), kept
 * once here; each adapter exposes them in its framework's idiom (JavaBean setters, plugin attributes,
 * LogManager properties).
 */
public final class AdapterOptions {
    public static final String DEFAULT_TRACE_ID_KEY = "traceId";
    public static final String DEFAULT_SERVICE_KEY = "service";
    public static final String DEFAULT_USER_ID_KEY = "userId";

    private String apiKey;
    private String host;
    private String environment;
    private String release;
    private Long flushIntervalMs;
    private Integer bufferSize;
    private boolean debug;
    private String projectId;
    private String flagsToken;
    private boolean captureUncaughtExceptions;
    private String spoolDir;
    private Long spoolMaxBytes;
    private boolean shutdownHook = true;
    private String service;
    private Severity minimumLogLevel = Severity.INFO;
    private Severity minimumErrorLevel = Severity.ERROR;
    private String traceIdKey = DEFAULT_TRACE_ID_KEY;
    private String serviceKey = DEFAULT_SERVICE_KEY;
    private String userIdKey = DEFAULT_USER_ID_KEY;
    private String proxy;
    private String trustStore;
    private String trustStorePassword;
    private SSLContext sslContext;

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public void setRelease(String release) {
        this.release = release;
    }

    public void setFlushIntervalMs(Long flushIntervalMs) {
        this.flushIntervalMs = flushIntervalMs;
    }

    public void setBufferSize(Integer bufferSize) {
        this.bufferSize = bufferSize;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public void setFlagsToken(String flagsToken) {
        this.flagsToken = flagsToken;
    }

    /** See {@link SeeStackConfig.Builder#captureUncaughtExceptions}. */
    public void setCaptureUncaughtExceptions(boolean captureUncaughtExceptions) {
        this.captureUncaughtExceptions = captureUncaughtExceptions;
    }

    public void setSpoolDir(String spoolDir) {
        this.spoolDir = spoolDir;
    }

    public void setSpoolMaxBytes(Long spoolMaxBytes) {
        this.spoolMaxBytes = spoolMaxBytes;
    }

    public void setProxy(String proxy) {
        this.proxy = proxy;
    }

    public void setTrustStore(String trustStore) {
        this.trustStore = trustStore;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    /** A TLS context handed over in code (JUL's config constructor); null for none. */
    public void setSslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    /** Whether the client this adapter starts drains itself in a JVM shutdown hook (default true). */
    public void setShutdownHook(boolean shutdownHook) {
        this.shutdownHook = shutdownHook;
    }

    /**
     * Whether neither {@code apiKey} nor {@code host} is given, in the options or the environment: the adapter then
     * joins a client started in code (the Spring Boot starter, {@code SeeStack.init}) instead of starting one.
     */
    public boolean namesNoBackend() {
        return isUnset(apiKey) && isUnset(host) && isUnset(System.getenv("SEESTACK_API_KEY"))
                && isUnset(System.getenv("SEESTACK_HOST"));
    }

    private static boolean isUnset(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String v = value.strip();
        return v.endsWith("_IS_UNDEFINED") || v.contains("${");
    }

    /** Service name used when the context has none. */
    public void setService(String service) {
        this.service = blankToNull(service);
    }

    public void setMinimumLogLevel(Severity level) {
        if (level != null) {
            this.minimumLogLevel = level;
        }
    }

    public void setMinimumErrorLevel(Severity level) {
        if (level != null) {
            this.minimumErrorLevel = level;
        }
    }

    public void setTraceIdKey(String key) {
        this.traceIdKey = keyOrDefault(key, DEFAULT_TRACE_ID_KEY);
    }

    public void setServiceKey(String key) {
        this.serviceKey = keyOrDefault(key, DEFAULT_SERVICE_KEY);
    }

    public void setUserIdKey(String key) {
        this.userIdKey = keyOrDefault(key, DEFAULT_USER_ID_KEY);
    }

    public String service() {
        return service;
    }

    public Severity minimumLogLevel() {
        return minimumLogLevel;
    }

    public Severity minimumErrorLevel() {
        return minimumErrorLevel;
    }

    public String traceIdKey() {
        return traceIdKey;
    }

    public String serviceKey() {
        return serviceKey;
    }

    public String userIdKey() {
        return userIdKey;
    }

    /**
     * Builds the client configuration, with environment-variable fallbacks for unset options.
     *
     * @throws IllegalArgumentException naming the option that is missing or invalid, including values left
     *     unresolved by the framework ({@code ${VAR}}, Logback's {@code VAR_IS_UNDEFINED})
     */
    public SeeStackConfig toConfig() {
        SeeStackConfig.Builder b = SeeStackConfig.builder()
                .apiKey(resolved("apiKey", apiKey))
                .host(resolved("host", host))
                .environment(resolved("environment", environment))
                .release(resolved("release", release))
                .debug(debug)
                .shutdownHook(shutdownHook)
                .projectId(resolved("projectId", projectId))
                .flagsToken(resolved("flagsToken", flagsToken))
                .captureUncaughtExceptions(captureUncaughtExceptions)
                .spoolDir(resolved("spoolDir", spoolDir))
                .proxy(resolved("proxy", proxy))
                .trustStore(resolved("trustStore", trustStore))
                .trustStorePassword(resolved("trustStorePassword", trustStorePassword))
                .sslContext(sslContext);
        if (flushIntervalMs != null) {
            b.flushIntervalMs(flushIntervalMs);
        }
        if (bufferSize != null) {
            b.bufferSize(bufferSize);
        }
        if (spoolMaxBytes != null) {
            b.spoolMaxBytes(spoolMaxBytes);
        }
        return b.build();
    }

    private static String resolved(String option, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.endsWith("_IS_UNDEFINED") || v.contains("${")) {
            throw new IllegalArgumentException("SeeStack: option '" + option
                    + "' refers to an undefined variable (" + v + ")");
        }
        return v.isEmpty() ? null : v;
    }

    private static String keyOrDefault(String key, String fallback) {
        String k = blankToNull(key);
        return k == null ? fallback : k;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
