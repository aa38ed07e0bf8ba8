package dev.seestack;

import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.config.ProxyAddress;
import dev.seestack.internal.config.TrustStores;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * Immutable SDK configuration. Build it with {@link #builder()}; options left unset fall back to the
 * environment variables {@code SEESTACK_API_KEY}, {@code SEESTACK_HOST}, {@code SEESTACK_ENVIRONMENT},
 * {@code SEESTACK_RELEASE}, {@code SEESTACK_PROJECT_ID}, {@code SEESTACK_FLAGS_TOKEN}, {@code SEESTACK_SPOOL_DIR},
 * {@code SEESTACK_PROXY}, {@code SEESTACK_TRUST_STORE} and {@code SEESTACK_TRUST_STORE_PASSWORD}.
 */
public final class SeeStackConfig {
    /** Default interval between timed flushes of buffered logs and HTTP items. */
    public static final long DEFAULT_FLUSH_INTERVAL_MS = 5000;
    /** Default capacity of each feature's buffer (errors, logs, HTTP items, heartbeats). */
    public static final int DEFAULT_BUFFER_SIZE = 500;
    /** Default time-to-live of cached feature-flag results. */
    public static final long DEFAULT_FLAG_CACHE_TTL_MS = 60_000;
    /** Default cap of the disk spool of one process: 50 MB. */
    public static final long DEFAULT_SPOOL_MAX_BYTES = 50L * 1024 * 1024;
    /** Smallest accepted {@code spoolMaxBytes}: 64 KiB. */
    public static final long MIN_SPOOL_MAX_BYTES = 64 * 1024;

    static {
        ClientAccess.install((ClientAccess.ConfigBridge) config -> config.warnings);
    }

    private final String apiKey;
    private final String host;
    private final String environment;
    private final String release;
    private final long flushIntervalMs;
    private final int bufferSize;
    private final boolean debug;
    private final String projectId;
    private final String flagsToken;
    private final long flagCacheTtlMs;
    private final boolean captureUncaughtExceptions;
    private final String spoolDir;
    private final long spoolMaxBytes;
    private final boolean shutdownHook;
    private final List<String> warnings;
    private final String proxy;
    private final String trustStore;
    private final SSLContext sslContext;

    private SeeStackConfig(Builder b, String apiKey, String host, List<String> warnings) {
        this.apiKey = apiKey;
        this.host = host;
        this.environment = b.environment;
        this.release = b.release;
        this.flushIntervalMs = b.flushIntervalMs;
        this.bufferSize = b.bufferSize;
        this.debug = b.debug;
        this.projectId = b.projectId;
        this.flagsToken = b.flagsToken;
        this.flagCacheTtlMs = b.flagCacheTtlMs;
        this.captureUncaughtExceptions = b.captureUncaughtExceptions;
        this.spoolDir = b.spoolDir;
        this.spoolMaxBytes = b.spoolMaxBytes;
        this.shutdownHook = b.shutdownHook;
        this.warnings = Collections.unmodifiableList(warnings);
        this.proxy = b.proxy;
        this.trustStore = b.trustStore;
        this.sslContext = b.sslContext != null ? b.sslContext : b.loadedSslContext;
    }

    /** A new builder reading unset options from the process environment. */
    public static Builder builder() {
        return new Builder(System::getenv);
    }

    /** A builder whose environment-variable fallback reads {@code env} instead of the process environment. */
    public static Builder builder(UnaryOperator<String> env) {
        return new Builder(env);
    }

    /** Ingest API key, sent as {@code X-SeeStack-Key}; never printed. */
    public String apiKey() {
        return apiKey;
    }

    /** Base URL of the SeeStack instance, without trailing slash. */
    public String host() {
        return host;
    }

    /** Environment name attached to errors; null (and then absent from payloads) unless configured. */
    public String environment() {
        return environment;
    }

    /** Release/version attached to errors; may be null. */
    public String release() {
        return release;
    }

    /** Interval of timed flushes in milliseconds (default 5000). */
    public long flushIntervalMs() {
        return flushIntervalMs;
    }

    /** Capacity of each feature's buffer (default 500); the oldest item is dropped when full. */
    public int bufferSize() {
        return bufferSize;
    }

    /** Whether SDK diagnostics and payloads (key redacted) are printed to stderr. */
    public boolean debug() {
        return debug;
    }

    /** Project UUID; required for HTTP monitoring and feature flags, may be null. */
    public String projectId() {
        return projectId;
    }

    /** Management token for feature flags ({@code Authorization: Bearer}); may be null; never printed. */
    public String flagsToken() {
        return flagsToken;
    }

    /** How long a feature-flag result is cached, in milliseconds (default 60000). */
    public long flagCacheTtlMs() {
        return flagCacheTtlMs;
    }

    /** Whether a default uncaught-exception handler sends uncaught exceptions as fatal errors (default false). */
    public boolean captureUncaughtExceptions() {
        return captureUncaughtExceptions;
    }

    /** Explicit forward proxy {@code http://[user:password@]host:port}, or null to use the JVM's proxy settings. */
    public String proxy() {
        return proxy;
    }

    /** Path of the trust store given with {@code trustStore}, or null. */
    public String trustStore() {
        return trustStore;
    }

    /**
     * Whether the client drains itself in a JVM shutdown hook (default true). Frameworks that close the client
     * themselves at the right moment of their own shutdown (the Spring Boot starter) turn it off.
     */
    public boolean shutdownHook() {
        return shutdownHook;
    }

    /**
     * The TLS context for https hosts: the one given to {@link Builder#sslContext}, else one trusting the
     * {@code trustStore}, else null for the JVM default.
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Directory of the disk spool, or null (the default: no spool). Requests that could not be delivered are
     * kept there and resent once the backend accepts again or at the next start.
     */
    public String spoolDir() {
        return spoolDir;
    }

    /** Cap of this process's spool segments in bytes (default 50 MB); when full the oldest segment is dropped. */
    public long spoolMaxBytes() {
        return spoolMaxBytes;
    }

    @Override
    public String toString() {
        return "SeeStackConfig{host=" + host + ", environment=" + environment + ", release=" + release
                + ", flushIntervalMs=" + flushIntervalMs + ", bufferSize=" + bufferSize + ", debug=" + debug
                + ", projectId=" + projectId + ", apiKey=[REDACTED]"
                + (flagsToken == null ? "" : ", flagsToken=[REDACTED]")
                + (spoolDir == null ? "" : ", spoolDir=" + spoolDir + ", spoolMaxBytes=" + spoolMaxBytes)
                + (proxy == null ? "" : ", proxy=" + ProxyAddress.redacted(proxy))
                + (trustStore == null ? "" : ", trustStore=" + trustStore) + "}";
    }

    /** Builder of {@link SeeStackConfig}; every setter accepts null to mean "unset". */
    public static final class Builder {
        private final UnaryOperator<String> env;
        private String apiKey;
        private String host;
        private String environment;
        private String release;
        private long flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS;
        private int bufferSize = DEFAULT_BUFFER_SIZE;
        private boolean debug;
        private String projectId;
        private String flagsToken;
        private long flagCacheTtlMs = DEFAULT_FLAG_CACHE_TTL_MS;
        private boolean captureUncaughtExceptions;
        private String spoolDir;
        private long spoolMaxBytes = DEFAULT_SPOOL_MAX_BYTES;
        private boolean shutdownHook = true;
        private final List<String> warnings = new ArrayList<>();
        private String proxy;
        private String trustStore;
        private String trustStorePassword;
        private SSLContext sslContext;
        private SSLContext loadedSslContext;

        private Builder(UnaryOperator<String> env) {
            this.env = Objects.requireNonNull(env, "env");
        }

        /** Ingest API key (required; env {@code SEESTACK_API_KEY}). */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Base URL such as {@code https://seestack.example.com} (required; env {@code SEESTACK_HOST}). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Environment name (default: not set, and then absent from payloads; env {@code SEESTACK_ENVIRONMENT}). */
        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /** Release/version string (env {@code SEESTACK_RELEASE}). */
        public Builder release(String release) {
            this.release = release;
            return this;
        }

        /** Timed flush interval in ms (default 5000); values below 1 fall back to the default with a warning. */
        public Builder flushIntervalMs(long flushIntervalMs) {
            if (flushIntervalMs < 1) {
                warnings.add("flushIntervalMs must be positive, was " + flushIntervalMs + "; using "
                        + DEFAULT_FLUSH_INTERVAL_MS);
                flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS;
            }
            this.flushIntervalMs = flushIntervalMs;
            return this;
        }

        /** Per-feature buffer capacity (default 500); values below 1 fall back to the default with a warning. */
        public Builder bufferSize(int bufferSize) {
            if (bufferSize < 1) {
                warnings.add("bufferSize must be positive, was " + bufferSize + "; using " + DEFAULT_BUFFER_SIZE);
                bufferSize = DEFAULT_BUFFER_SIZE;
            }
            this.bufferSize = bufferSize;
            return this;
        }

        /** Print diagnostics and payloads (key redacted) to stderr (default false). */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /** Project UUID for HTTP monitoring and flags (env {@code SEESTACK_PROJECT_ID}). */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /** Management token for feature flags (env {@code SEESTACK_FLAGS_TOKEN}). */
        public Builder flagsToken(String flagsToken) {
            this.flagsToken = flagsToken;
            return this;
        }

        /**
         * Forward proxy for every request, {@code http://[user:password@]host:port} (env {@code SEESTACK_PROXY});
         * unset, the JVM's proxy settings apply ({@code -Dhttps.proxyHost}, {@code ProxySelector.getDefault()}).
         */
        public Builder proxy(String proxy) {
            this.proxy = proxy;
            return this;
        }

        /** PKCS12 or JKS file of the CA certificates to trust for an https host (env {@code SEESTACK_TRUST_STORE}). */
        public Builder trustStore(String path) {
            this.trustStore = path;
            return this;
        }

        /** Password of {@link #trustStore} (env {@code SEESTACK_TRUST_STORE_PASSWORD}). */
        public Builder trustStorePassword(String password) {
            this.trustStorePassword = password;
            return this;
        }

        /** TLS context for https hosts (a private CA, client certificates); takes precedence over {@code trustStore}. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Feature-flag cache TTL in ms (default 60000); negative values fall back to the default. */
        public Builder flagCacheTtlMs(long flagCacheTtlMs) {
            if (flagCacheTtlMs < 0) {
                warnings.add("flagCacheTtlMs must not be negative, was " + flagCacheTtlMs + "; using "
                        + DEFAULT_FLAG_CACHE_TTL_MS);
                flagCacheTtlMs = DEFAULT_FLAG_CACHE_TTL_MS;
            }
            this.flagCacheTtlMs = flagCacheTtlMs;
            return this;
        }

        /**
         * Install a default uncaught-exception handler (default false) that sends a thread's uncaught exception
         * as an error at level {@code fatal}, waits up to the flush deadline (5 s) for it to be delivered, then
         * hands it to the handler that was installed before (or prints it as the JVM does).
         */
        public Builder captureUncaughtExceptions(boolean captureUncaughtExceptions) {
            this.captureUncaughtExceptions = captureUncaughtExceptions;
            return this;
        }

        /**
         * Turns on the disk spool in this directory (env {@code SEESTACK_SPOOL_DIR}; default: off). It is created
         * readable by its owner only; each process writes its own lock-protected segments.
         */
        public Builder spoolDir(String spoolDir) {
            this.spoolDir = spoolDir;
            return this;
        }

        /** Cap of the spool in bytes (default 50 MB); values below 64 KiB fall back to the default with a warning. */
        public Builder spoolMaxBytes(long spoolMaxBytes) {
            if (spoolMaxBytes < MIN_SPOOL_MAX_BYTES) {
                warnings.add("spoolMaxBytes must be at least " + MIN_SPOOL_MAX_BYTES + ", was " + spoolMaxBytes
                        + "; using " + DEFAULT_SPOOL_MAX_BYTES);
                spoolMaxBytes = DEFAULT_SPOOL_MAX_BYTES;
            }
            this.spoolMaxBytes = spoolMaxBytes;
            return this;
        }

        /**
         * Whether a JVM shutdown hook drains the client at exit (default true); turn it off only when something
         * else closes the client during shutdown.
         */
        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        /**
         * Validates and builds the configuration.
         *
         * @throws IllegalArgumentException naming the option when {@code apiKey} is blank, {@code apiKey} or
         *     {@code flagsToken} contains a line break or other control character, or {@code host} is missing or
         *     not an http(s) URL
         */
        public SeeStackConfig build() {
            String key = orEnv(apiKey, "SEESTACK_API_KEY");
            if (key == null) {
                throw new IllegalArgumentException("SeeStack: option 'apiKey' is required (or set SEESTACK_API_KEY)");
            }
            requireHeaderSafe("apiKey", key);
            String url = orEnv(host, "SEESTACK_HOST");
            if (url == null) {
                throw new IllegalArgumentException("SeeStack: option 'host' is required (or set SEESTACK_HOST)");
            }
            url = normaliseHost(url);
            environment = orEnv(environment, "SEESTACK_ENVIRONMENT");
            release = orEnv(release, "SEESTACK_RELEASE");
            projectId = orEnv(projectId, "SEESTACK_PROJECT_ID");
            flagsToken = orEnv(flagsToken, "SEESTACK_FLAGS_TOKEN");
            spoolDir = orEnv(spoolDir, "SEESTACK_SPOOL_DIR");
            if (flagsToken != null) {
                requireHeaderSafe("flagsToken", flagsToken);
            }
            proxy = orEnv(proxy, "SEESTACK_PROXY");
            if (proxy != null) {
                ProxyAddress.parse(proxy);
            }
            trustStore = orEnv(trustStore, "SEESTACK_TRUST_STORE");
            if (trustStore != null) {
                if (sslContext != null) {
                    warnings.add("both sslContext and trustStore are set; using sslContext, ignoring " + trustStore);
                } else {
                    loadedSslContext = TrustStores.load(trustStore,
                            orEnv(trustStorePassword, "SEESTACK_TRUST_STORE_PASSWORD"));
                }
            }
            return new SeeStackConfig(this, key, url, new ArrayList<>(warnings));
        }

        private String orEnv(String value, String variable) {
            String v = trimToNull(value);
            return v != null ? v : trimToNull(env.apply(variable));
        }

        /** Secrets go into a request header: a CR/LF there would start a new header, so it is refused. */
        private static void requireHeaderSafe(String option, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    // the value is a secret: name the position and the character, never the value
                    throw new IllegalArgumentException("SeeStack: option '" + option + "' contains a control character"
                            + String.format(" (U+%04X) at position %d; a line break often comes from a secret", (int) c, i)
                            + " file or variable with an extra line: remove it");
                }
            }
        }

        private static String orDefault(String value, String fallback) {
            return value != null ? value : fallback;
        }

        private static String trimToNull(String s) {
            if (s == null) {
                return null;
            }
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }

        private static String normaliseHost(String raw) {
            String url = raw;
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (Exception e) {
                throw new IllegalArgumentException("SeeStack: option 'host' is not a URL: " + raw);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "SeeStack: option 'host' must be an http(s) URL such as https://seestack.example.com, was: "
                                + raw);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("SeeStack: option 'host' must not carry a query or fragment: " + raw);
            }
            return url;
        }
    }
}
