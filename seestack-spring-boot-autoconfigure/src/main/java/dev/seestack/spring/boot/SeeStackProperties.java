package dev.seestack.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every SDK option as a {@code seestack.*} property. Unset options fall back to the environment variables the
 * SDK reads itself ({@code SEESTACK_API_KEY}, {@code SEESTACK_HOST}, ...), looked up through Spring's
 * {@code Environment}, so they may also be given as properties of those names.
 */
@ConfigurationProperties("seestack")
public class SeeStackProperties {
    /** Whether the SDK runs at all; false leaves every SeeStack bean out. */
    private boolean enabled = true;
    /** Ingest API key, sent as X-SeeStack-Key (required; env SEESTACK_API_KEY). */
    private String apiKey;
    /** Base URL of the SeeStack instance, e.g. https://seestack.example.com (required; env SEESTACK_HOST). */
    private String host;
    /** Environment name sent with errors; not set by default (env SEESTACK_ENVIRONMENT). */
    private String environment;
    /** Release or version sent with errors (env SEESTACK_RELEASE). */
    private String release;
    /** Project UUID, needed by HTTP monitoring and feature flags (env SEESTACK_PROJECT_ID). */
    private String projectId;
    /** Management token for feature flags (env SEESTACK_FLAGS_TOKEN). */
    private String flagsToken;
    /** Interval of timed flushes of buffered logs and HTTP items, in milliseconds. */
    private long flushIntervalMs = dev.seestack.SeeStackConfig.DEFAULT_FLUSH_INTERVAL_MS;
    /** Capacity of each feature's buffer; the oldest item is dropped when full. */
    private int bufferSize = dev.seestack.SeeStackConfig.DEFAULT_BUFFER_SIZE;
    /** Print SDK diagnostics and payloads (key redacted) to stderr. */
    private boolean debug;
    /** How long a feature-flag result is cached, in milliseconds. */
    private long flagCacheTtlMs = dev.seestack.SeeStackConfig.DEFAULT_FLAG_CACHE_TTL_MS;
    /** Service name sent with logs when neither the MDC nor SeeStackContext names one. */
    private String service;
    private final Logging logging = new Logging();
    private final Web web = new Web();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getRelease() {
        return release;
    }

    public void setRelease(String release) {
        this.release = release;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getFlagsToken() {
        return flagsToken;
    }

    public void setFlagsToken(String flagsToken) {
        this.flagsToken = flagsToken;
    }

    public long getFlushIntervalMs() {
        return flushIntervalMs;
    }

    public void setFlushIntervalMs(long flushIntervalMs) {
        this.flushIntervalMs = flushIntervalMs;
    }

    public int getBufferSize() {
        return bufferSize;
    }

    public void setBufferSize(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    public boolean isDebug() {
        return debug;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public long getFlagCacheTtlMs() {
        return flagCacheTtlMs;
    }

    public void setFlagCacheTtlMs(long flagCacheTtlMs) {
        this.flagCacheTtlMs = flagCacheTtlMs;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public Logging getLogging() {
        return logging;
    }

    public Web getWeb() {
        return web;
    }

    /** {@code seestack.logging.*}: the Logback appender the starter attaches when the logging config has none. */
    public static class Logging {
        /** Whether the starter attaches a SeeStack appender to the root logger when the logging config has none. */
        private boolean enabled = true;
        /** Lowest level shipped as a log (TRACE, DEBUG, INFO, WARN, ERROR, OFF). */
        private String minimumLogLevel = "INFO";
        /** Lowest level at which an event with a throwable is also shipped as an error. */
        private String minimumErrorLevel = "ERROR";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getMinimumLogLevel() {
            return minimumLogLevel;
        }

        public void setMinimumLogLevel(String minimumLogLevel) {
            this.minimumLogLevel = minimumLogLevel;
        }

        public String getMinimumErrorLevel() {
            return minimumErrorLevel;
        }

        public void setMinimumErrorLevel(String minimumErrorLevel) {
            this.minimumErrorLevel = minimumErrorLevel;
        }
    }

    /** {@code seestack.web.*}: inbound HTTP monitoring of servlet applications. */
    public static class Web {
        /** Whether the servlet filter recording inbound requests is registered. */
        private boolean enabled = true;
        /** Order of the servlet filter; early by default, so the trace id is set before other filters log. */
        private int filterOrder = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10;
        /** Whether unhandled controller exceptions are captured as errors with the request's trace id and user. */
        private boolean captureExceptions = true;
        /** Whether calls made with RestClient builders and RestTemplate beans are recorded as outbound items. */
        private boolean outbound = true;

        public boolean isOutbound() {
            return outbound;
        }

        public void setOutbound(boolean outbound) {
            this.outbound = outbound;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getFilterOrder() {
            return filterOrder;
        }

        public void setFilterOrder(int filterOrder) {
            this.filterOrder = filterOrder;
        }

        public boolean isCaptureExceptions() {
            return captureExceptions;
        }

        public void setCaptureExceptions(boolean captureExceptions) {
            this.captureExceptions = captureExceptions;
        }
    }
}
