package dev.seestack.internal.logging;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.spi.ClientOverrides;
import dev.seestack.internal.options.Option;
import dev.seestack.internal.options.OptionValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * A logging adapter's options: every row of the {@link Option} table, set by name from the framework's
 * configuration (Logback setters, Log4j2 attributes, JUL properties) and validated once, the same way for
 * every adapter. Unusable values are collected in {@link #warnings()} for the adapter's status channel.
 */
public final class AdapterOptions {
    private final OptionValues values;
    private SSLContext sslContext;

    /** Options whose level names are parsed by {@code levels} (null for an unknown name), e.g. Logback's. */
    public AdapterOptions(Function<String, Severity> levels, String levelNames) {
        this.values = new OptionValues(levels, levelNames);
    }

    /** Sets the option {@code name} from its text (null or blank: unset); false when there is no such option. */
    public boolean set(String name, String text) {
        return values.putText(name, text);
    }

    /** Sets an option from its text (null or blank: unset). */
    public void set(Option option, String text) {
        values.putText(option, text);
    }

    /** Sets an option from a typed value (null: unset), for setters taking numbers or booleans. */
    public void setTyped(Option option, Object value) {
        values.put(option, value);
    }

    /** Copies every client option of {@code config} (the JUL handler's config constructor). */
    public void copyFrom(SeeStackConfig config) {
        values.put(Option.API_KEY, config.apiKey());
        values.put(Option.HOST, config.host());
        values.put(Option.ENVIRONMENT, config.environment());
        values.put(Option.RELEASE, config.release());
        values.put(Option.FLUSH_INTERVAL_MS, config.flushIntervalMs());
        values.put(Option.BUFFER_SIZE, config.bufferSize());
        values.put(Option.BUFFER_BYTES, config.bufferBytes());
        values.put(Option.DEBUG, config.debug());
        values.put(Option.PROJECT_ID, config.projectId());
        values.put(Option.FLAGS_TOKEN, config.flagsToken());
        values.put(Option.FLAG_CACHE_TTL_MS, config.flagCacheTtlMs());
        values.put(Option.CAPTURE_UNCAUGHT_EXCEPTIONS, config.captureUncaughtExceptions());
        values.put(Option.SPOOL_DIR, config.spoolDir());
        values.put(Option.SPOOL_MAX_BYTES, config.spoolMaxBytes());
        values.put(Option.PROXY, config.proxy());
        values.put(Option.TRUST_STORE, config.trustStore());
        values.put(Option.SHUTDOWN_HOOK, config.shutdownHook());
        values.put(Option.TAGS, config.tags());
        values.put(Option.SERVER_NAME, config.serverName());
        values.put(Option.SERVICE, config.service());
        values.put(Option.MAX_BREADCRUMBS, config.maxBreadcrumbs());
        values.put(Option.IGNORED_EXCEPTIONS, config.ignoredExceptions());
        values.put(Option.MAX_ERRORS_PER_GROUP_PER_MINUTE, config.maxErrorsPerGroupPerMinute());
        this.sslContext = config.sslContext();
    }

    /** The value of {@code option} (given or default), for tests and diagnostics. */
    public Object get(Option option) {
        return values.get(option);
    }

    /** Whether {@code option} was given a usable value. */
    public boolean isSet(Option option) {
        return values.isSet(option);
    }

    /** The unusable values found so far, one sentence each, for the adapter to report once. */
    public List<String> warnings() {
        return values.warnings();
    }

    /** The warnings and then {@code failure} as one message: an adapter that cannot start warns once. */
    public static String joined(List<String> warnings, String failure) {
        List<String> all = new ArrayList<>(warnings);
        all.add(failure);
        return String.join("; ", all);
    }

    /**
     * Whether neither {@code apiKey} nor {@code host} is given, in the options or the environment: the adapter then
     * joins a client started in code (the Spring Boot starter, {@code SeeStack.init}) instead of starting one. Never
     * with an in-memory {@code ClientOverride} (a test class path): the adapter starts its client with its own
     * options, which a client started in code still replaces.
     */
    public boolean namesNoBackend() {
        return ClientOverrides.installed() == null && !values.isSet(Option.API_KEY) && !values.isSet(Option.HOST) && isUnset(System.getenv("SEESTACK_API_KEY"))
                && isUnset(System.getenv("SEESTACK_HOST"));
    }

    private static boolean isUnset(String value) {
        return value == null || value.isBlank() || OptionValues.isUnresolved(value.strip());
    }

    public String service() {
        return values.string(Option.SERVICE);
    }

    public Severity minimumLogLevel() {
        return values.level(Option.MINIMUM_LOG_LEVEL);
    }

    public Severity minimumErrorLevel() {
        return values.level(Option.MINIMUM_ERROR_LEVEL);
    }

    public Severity minimumBreadcrumbLevel() {
        return values.level(Option.MINIMUM_BREADCRUMB_LEVEL);
    }

    public String traceIdKey() {
        return values.string(Option.TRACE_ID_KEY);
    }

    public String serviceKey() {
        return values.string(Option.SERVICE_KEY);
    }

    public String userIdKey() {
        return values.string(Option.USER_ID_KEY);
    }

    /**
     * Builds the client configuration, with environment-variable fallbacks for unset options.
     *
     * @throws IllegalArgumentException naming the option that is missing or invalid
     */
    public SeeStackConfig toConfig() {
        return ClientAccess.buildConfig(values, sslContext, System::getenv);
    }
}
