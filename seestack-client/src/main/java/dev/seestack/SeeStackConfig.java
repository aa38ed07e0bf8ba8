package dev.seestack;

import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.config.ProxyAddress;
import dev.seestack.internal.config.TrustStores;
import dev.seestack.internal.options.ConfigChecks;
import dev.seestack.internal.options.Option;
import dev.seestack.internal.options.OptionValues;
import dev.seestack.internal.screen.SendHooks;
import java.util.List;
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
    public static final long DEFAULT_FLUSH_INTERVAL_MS = (Long) Option.FLUSH_INTERVAL_MS.defaultValue();
    /** Default capacity of each feature's buffer (errors, logs, HTTP items, heartbeats). */
    public static final int DEFAULT_BUFFER_SIZE = (Integer) Option.BUFFER_SIZE.defaultValue();
    /** Default bound of each feature's buffer in estimated bytes of retained heap (4 MiB). */
    public static final long DEFAULT_BUFFER_BYTES = (Long) Option.BUFFER_BYTES.defaultValue();
    /** Default time-to-live of cached feature-flag results. */
    public static final long DEFAULT_FLAG_CACHE_TTL_MS = (Long) Option.FLAG_CACHE_TTL_MS.defaultValue();
    /** Default cap of the disk spool of one process: 50 MB. */
    public static final long DEFAULT_SPOOL_MAX_BYTES = (Long) Option.SPOOL_MAX_BYTES.defaultValue();
    /** Smallest accepted {@code spoolMaxBytes}: 64 KiB. */
    public static final long MIN_SPOOL_MAX_BYTES = 64 * 1024;

    static {
        ClientAccess.install(new ClientAccess.ConfigBridge() {
            @Override
            public List<String> warnings(SeeStackConfig config) {
                return config.warnings;
            }

            @Override
            public SeeStackConfig build(OptionValues options, SSLContext tls, UnaryOperator<String> env) {
                return new Builder(env).copy(options, tls).build();
            }

            @Override
            public SendHooks hooks(SeeStackConfig config) {
                return config.hooks;
            }

            @Override
            public SeeStackConfig withHooks(SeeStackConfig config, SendHooks hooks) {
                return new SeeStackConfig(config.values, config.sslContext, hooks);
            }
        });
    }

    private final OptionValues values;
    private final List<String> warnings;
    private final SSLContext sslContext;
    private final SendHooks hooks;

    private SeeStackConfig(OptionValues values, SSLContext sslContext, SendHooks hooks) {
        this.values = values;
        this.warnings = values.warnings();
        this.sslContext = sslContext;
        this.hooks = hooks;
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
        return values.string(Option.API_KEY);
    }

    /** Base URL of the SeeStack instance, without trailing slash. */
    public String host() {
        return values.string(Option.HOST);
    }

    /** Environment name attached to errors; null (and then absent from payloads) unless configured. */
    public String environment() {
        return values.string(Option.ENVIRONMENT);
    }

    /** Service name of the logs and errors that name none themselves; may be null. */
    public String service() {
        return values.string(Option.SERVICE);
    }

    /** Release/version attached to errors; may be null. */
    public String release() {
        return values.string(Option.RELEASE);
    }

    /** Interval of timed flushes in milliseconds (default 5000). */
    public long flushIntervalMs() {
        return values.longValue(Option.FLUSH_INTERVAL_MS);
    }

    /** Capacity of each feature's buffer in items (default 10 000); the oldest item is dropped when full. */
    public int bufferSize() {
        return values.intValue(Option.BUFFER_SIZE);
    }

    /**
     * Bound of each feature's buffer in estimated bytes of retained heap (default 4 MiB); the oldest item is
     * dropped when it is reached, so full buffers stay small whatever the events' size.
     */
    public long bufferBytes() {
        return values.longValue(Option.BUFFER_BYTES);
    }

    /** Whether SDK diagnostics and payloads (key redacted) are printed to stderr. */
    public boolean debug() {
        return values.bool(Option.DEBUG);
    }

    /** Project UUID; required for HTTP monitoring and feature flags, may be null. */
    public String projectId() {
        return values.string(Option.PROJECT_ID);
    }

    /** Management token for feature flags ({@code Authorization: Bearer}); may be null; never printed. */
    public String flagsToken() {
        return values.string(Option.FLAGS_TOKEN);
    }

    /** How long a feature-flag result is cached, in milliseconds (default 60000). */
    public long flagCacheTtlMs() {
        return values.longValue(Option.FLAG_CACHE_TTL_MS);
    }

    /** Whether a default uncaught-exception handler sends uncaught exceptions as fatal errors (default false). */
    public boolean captureUncaughtExceptions() {
        return values.bool(Option.CAPTURE_UNCAUGHT_EXCEPTIONS);
    }

    /** Explicit forward proxy {@code http://[user:password@]host:port}, or null to use the JVM's proxy settings. */
    public String proxy() {
        return values.string(Option.PROXY);
    }

    /** Path of the trust store given with {@code trustStore}, or null. */
    public String trustStore() {
        return values.string(Option.TRUST_STORE);
    }

    /**
     * Whether the client drains itself in a JVM shutdown hook (default true). Frameworks that close the client
     * themselves at the right moment of their own shutdown (the Spring Boot starter) turn it off.
     */
    public boolean shutdownHook() {
        return values.bool(Option.SHUTDOWN_HOOK);
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
        return values.string(Option.SPOOL_DIR);
    }

    /** Cap of this process's spool segments in bytes (default 50 MB); when full the oldest segment is dropped. */
    public long spoolMaxBytes() {
        return values.longValue(Option.SPOOL_MAX_BYTES);
    }

    /** Tags merged into the metadata of every error and log, as given ({@code region=eu-1,team=payments}); may be null. */
    public String tags() {
        return values.string(Option.TAGS);
    }

    /**
     * Sent as {@code metadata.serverName} on errors: as given, else the local host name; empty when turned off
     * (given empty or {@code none}).
     */
    public String serverName() {
        if (!values.isSet(Option.SERVER_NAME)) {
            return dev.seestack.internal.screen.LocalHostName.get();
        }
        String name = values.string(Option.SERVER_NAME);
        return name.equalsIgnoreCase("none") ? "" : name;
    }

    /** Breadcrumbs sent with each error (default 50); 0 turns them off. */
    public int maxBreadcrumbs() {
        return values.intValue(Option.MAX_BREADCRUMBS);
    }

    /** Comma-separated exception class names never sent as errors (subclasses included); may be null. */
    public String ignoredExceptions() {
        return values.string(Option.IGNORED_EXCEPTIONS);
    }

    /** Errors sent per group and minute (default 0: unlimited). */
    public int maxErrorsPerGroupPerMinute() {
        return values.intValue(Option.MAX_ERRORS_PER_GROUP_PER_MINUTE);
    }

    @Override
    public String toString() {
        return "SeeStackConfig{host=" + host() + ", environment=" + environment() + ", release=" + release()
                + ", flushIntervalMs=" + flushIntervalMs() + ", bufferSize=" + bufferSize()
                + ", bufferBytes=" + bufferBytes() + ", debug=" + debug()
                + ", projectId=" + projectId() + ", apiKey=[REDACTED]"
                + (flagsToken() == null ? "" : ", flagsToken=[REDACTED]")
                + (spoolDir() == null ? "" : ", spoolDir=" + spoolDir() + ", spoolMaxBytes=" + spoolMaxBytes())
                + (proxy() == null ? "" : ", proxy=" + ProxyAddress.redacted(proxy()))
                + (trustStore() == null ? "" : ", trustStore=" + trustStore()) + "}";
    }

    /** Builder of {@link SeeStackConfig}; every setter accepts null to mean "unset". */
    public static final class Builder {
        private final UnaryOperator<String> env;
        private final OptionValues values = new OptionValues();
        private SSLContext sslContext;
        private SendHooks hooks = SendHooks.NONE;

        private Builder(UnaryOperator<String> env) {
            this.env = Objects.requireNonNull(env, "env");
        }

        private Builder set(Option option, Object value) {
            values.put(option, value);
            return this;
        }

        /** Ingest API key (required; env {@code SEESTACK_API_KEY}). */
        public Builder apiKey(String apiKey) {
            return set(Option.API_KEY, apiKey);
        }

        /** Base URL such as {@code https://seestack.example.com} (required; env {@code SEESTACK_HOST}). */
        public Builder host(String host) {
            return set(Option.HOST, host);
        }

        /** Environment name (default: not set, and then absent from payloads; env {@code SEESTACK_ENVIRONMENT}). */
        public Builder environment(String environment) {
            return set(Option.ENVIRONMENT, environment);
        }

        /** Release/version string (env {@code SEESTACK_RELEASE}). */
        public Builder release(String release) {
            return set(Option.RELEASE, release);
        }

        /** Timed flush interval in ms (default 5000); values below 1 fall back to the default with a warning. */
        public Builder flushIntervalMs(long flushIntervalMs) {
            return set(Option.FLUSH_INTERVAL_MS, flushIntervalMs);
        }

        /** Per-feature buffer capacity in items (default 10 000); values below 1 fall back to the default with a warning. */
        public Builder bufferSize(int bufferSize) {
            return set(Option.BUFFER_SIZE, bufferSize);
        }

        /**
         * Per-feature buffer bound in estimated bytes of retained heap (default 4 MiB); values below 1 fall back to
         * the default with a warning.
         */
        public Builder bufferBytes(long bufferBytes) {
            return set(Option.BUFFER_BYTES, bufferBytes);
        }

        /** Print diagnostics and payloads (key redacted) to stderr (default false). */
        public Builder debug(boolean debug) {
            return set(Option.DEBUG, debug);
        }

        /** Project UUID for HTTP monitoring and flags (env {@code SEESTACK_PROJECT_ID}). */
        public Builder projectId(String projectId) {
            return set(Option.PROJECT_ID, projectId);
        }

        /** Management token for feature flags (env {@code SEESTACK_FLAGS_TOKEN}). */
        public Builder flagsToken(String flagsToken) {
            return set(Option.FLAGS_TOKEN, flagsToken);
        }

        /**
         * Forward proxy for every request, {@code http://[user:password@]host:port} (env {@code SEESTACK_PROXY});
         * unset, the JVM's proxy settings apply ({@code -Dhttps.proxyHost}, {@code ProxySelector.getDefault()}).
         */
        public Builder proxy(String proxy) {
            return set(Option.PROXY, proxy);
        }

        /** PKCS12 or JKS file of the CA certificates to trust for an https host (env {@code SEESTACK_TRUST_STORE}). */
        public Builder trustStore(String path) {
            return set(Option.TRUST_STORE, path);
        }

        /** Password of {@link #trustStore} (env {@code SEESTACK_TRUST_STORE_PASSWORD}). */
        public Builder trustStorePassword(String password) {
            return set(Option.TRUST_STORE_PASSWORD, password);
        }

        /** TLS context for https hosts (a private CA, client certificates); takes precedence over {@code trustStore}. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Feature-flag cache TTL in ms (default 60000); negative values fall back to the default. */
        public Builder flagCacheTtlMs(long flagCacheTtlMs) {
            return set(Option.FLAG_CACHE_TTL_MS, flagCacheTtlMs);
        }

        /**
         * Install a default uncaught-exception handler (default false) that sends a thread's uncaught exception
         * as an error at level {@code fatal}, waits up to the flush deadline (5 s) for it to be delivered, then
         * hands it to the handler that was installed before (or prints it as the JVM does).
         */
        public Builder captureUncaughtExceptions(boolean captureUncaughtExceptions) {
            return set(Option.CAPTURE_UNCAUGHT_EXCEPTIONS, captureUncaughtExceptions);
        }

        /**
         * Turns on the disk spool in this directory (env {@code SEESTACK_SPOOL_DIR}; default: off). It is created
         * readable by its owner only; each process writes its own lock-protected segments.
         */
        public Builder spoolDir(String spoolDir) {
            return set(Option.SPOOL_DIR, spoolDir);
        }

        /** Cap of the spool in bytes (default 50 MB); values below 64 KiB fall back to the default with a warning. */
        public Builder spoolMaxBytes(long spoolMaxBytes) {
            return set(Option.SPOOL_MAX_BYTES, spoolMaxBytes);
        }

        /**
         * Whether a JVM shutdown hook drains the client at exit (default true); turn it off only when something
         * else closes the client during shutdown.
         */
        public Builder shutdownHook(boolean shutdownHook) {
            return set(Option.SHUTDOWN_HOOK, shutdownHook);
        }

        /** Tags merged into the metadata of every error and log: {@code key=value} pairs separated by commas. */
        public Builder tags(String tags) {
            return set(Option.TAGS, tags);
        }

        /** Adds one tag to those given so far (see {@link #tags}); the event's own metadata keys win. */
        public Builder tag(String key, String value) {
            String pair = key + "=" + value;
            return set(Option.TAGS, values.isSet(Option.TAGS) ? values.string(Option.TAGS) + "," + pair : pair);
        }

        /** Service name sent with logs and errors that name none (in their metadata or {@code SeeStackContext}). */
        public Builder service(String service) {
            return set(Option.SERVICE, service);
        }

        /** Server name sent with errors (env {@code SEESTACK_SERVER_NAME}; default the local host name; "" or "none": off). */
        public Builder serverName(String serverName) {
            return set(Option.SERVER_NAME, serverName);
        }

        /** Breadcrumbs of the error's trace sent with each error (default 50); 0 turns them off. */
        public Builder maxBreadcrumbs(int maxBreadcrumbs) {
            return set(Option.MAX_BREADCRUMBS, maxBreadcrumbs);
        }

        /** Comma-separated exception class names whose instances (subclasses included) are not sent as errors. */
        public Builder ignoredExceptions(String classNames) {
            return set(Option.IGNORED_EXCEPTIONS, classNames);
        }

        /** Errors sent per group (as the backend groups them) and minute (default 0: unlimited). */
        public Builder maxErrorsPerGroupPerMinute(int maxErrorsPerGroupPerMinute) {
            return set(Option.MAX_ERRORS_PER_GROUP_PER_MINUTE, maxErrorsPerGroupPerMinute);
        }

        /** A hook run on an SDK thread before each error is sent: change its metadata, or return null to drop it. */
        public Builder beforeSendError(BeforeSend hook) {
            hooks = hooks.withError(hook);
            return this;
        }

        /** A hook run on an SDK thread before each log is sent: change its metadata, or return null to drop it. */
        public Builder beforeSendLog(BeforeSend hook) {
            hooks = hooks.withLog(hook);
            return this;
        }

        /** A hook run on an SDK thread before each HTTP item is sent; return null to drop it. */
        public Builder beforeSendHttpRequest(BeforeSend hook) {
            hooks = hooks.withHttpRequest(hook);
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
            OptionValues resolved = ConfigChecks.resolve(values, env);
            return new SeeStackConfig(resolved, TrustStores.forOptions(sslContext, resolved), hooks);
        }

        private Builder copy(OptionValues from, SSLContext tls) {
            values.copyClientOptions(from);
            return sslContext(tls);
        }
    }
}
