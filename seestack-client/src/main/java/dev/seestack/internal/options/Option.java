package dev.seestack.internal.options;

import dev.seestack.internal.event.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The one table of SDK options: name, type, default, environment variable, validation and documentation.
 * {@code SeeStackConfig.Builder}, the Logback, Log4j2 and JUL adapters and the Spring Boot starter all bind
 * from it, and the README's options table is checked against it. Adding an option means adding a row here
 * (plus its typed builder method, and the Log4j2 builder attribute / Logback setter the frameworks need).
 */
public enum Option {
    API_KEY("apiKey", Kind.SECRET, Scope.CLIENT, null, "SEESTACK_API_KEY", "— (required)",
            "ingest key, sent as `X-SeeStack-Key`; never logged or printed"),
    HOST("host", Kind.STRING, Scope.CLIENT, null, "SEESTACK_HOST", "— (required)",
            "base URL, e.g. `https://seestack.example.com` (trailing `/` removed, a path is kept)"),
    ENVIRONMENT("environment", Kind.STRING, Scope.CLIENT, null, "SEESTACK_ENVIRONMENT",
            "not set (absent from payloads)",
            "attached to errors. With `production` or `prod` (any case), a plain `http://` host is refused — one"
                    + " warning, SDK disabled, feature flags included — unless it is a loopback host (`localhost`,"
                    + " `127.0.0.0/8`, `::1`), where nothing leaves the machine (a local agent or collector)"),
    RELEASE("release", Kind.STRING, Scope.CLIENT, null, "SEESTACK_RELEASE", "none", "attached to errors"),
    FLUSH_INTERVAL_MS("flushIntervalMs", Kind.LONG, Scope.CLIENT, 5000L, null, "`5000`",
            "timed flush of buffered logs and HTTP items, in ms", v -> (Long) v >= 1, "must be positive"),
    BUFFER_SIZE("bufferSize", Kind.INT, Scope.CLIENT, 10_000, null, "`10000`",
            "capacity of each feature's buffer (errors, logs, HTTP items, heartbeats) in items, items waiting for a"
                    + " retry included; when full (or `bufferBytes` is reached) the oldest item is dropped (or spooled)"
                    + " and counted", v -> (Integer) v >= 1, "must be positive"),
    BUFFER_BYTES("bufferBytes", Kind.LONG, Scope.CLIENT, 4L * 1024 * 1024, null, "`4194304` (4 MiB)",
            "bound of each feature's buffer in bytes of heap its items retain (estimated once per item at capture:"
                    + " string lengths plus a fixed overhead per object), items waiting for a retry included; when"
                    + " reached the oldest item is dropped (or spooled) and counted as with `bufferSize`",
            v -> (Long) v >= 1, "must be positive"),
    DEBUG("debug", Kind.BOOLEAN, Scope.CLIENT, false, null, "`false`",
            "print SDK diagnostics and every payload (key redacted) to stderr"),
    PROJECT_ID("projectId", Kind.STRING, Scope.CLIENT, null, "SEESTACK_PROJECT_ID", "none",
            "project UUID; required by HTTP monitoring and feature flags"),
    FLAGS_TOKEN("flagsToken", Kind.SECRET, Scope.CLIENT, null, "SEESTACK_FLAGS_TOKEN", "none",
            "management token for feature flags (`Authorization: Bearer`); never logged"),
    FLAG_CACHE_TTL_MS("flagCacheTtlMs", Kind.LONG, Scope.CLIENT, 60_000L, null, "`60000`",
            "feature-flag result cache lifetime, in ms", v -> (Long) v >= 0, "must not be negative"),
    CAPTURE_UNCAUGHT_EXCEPTIONS("captureUncaughtExceptions", Kind.BOOLEAN, Scope.CLIENT, false, null, "`false`",
            "install a default uncaught-exception handler that sends a thread's uncaught exception as an error at"
                    + " level `fatal` (metadata `thread`, `uncaught: true`), waits up to the flush deadline (5 s) so"
                    + " it is delivered before the thread — or the JVM — dies, then passes it to the handler"
                    + " installed before (or prints it as the JVM does); `close()` puts the previous handler back."
                    + " The JUL handler connects on its first record, so it captures from then on"),
    SPOOL_DIR("spoolDir", Kind.STRING, Scope.CLIENT, null, "SEESTACK_SPOOL_DIR", "not set (no spool)",
            "directory of the opt-in disk spool: requests that cannot be delivered are kept there and resent"
                    + " later, also after a restart (see Delivery)"),
    SPOOL_MAX_BYTES("spoolMaxBytes", Kind.LONG, Scope.CLIENT, 50L * 1024 * 1024, null, "`52428800` (50 MB)",
            "cap of one process's spool segments; when full the oldest segment is dropped and counted in"
                    + " `droppedSpoolFull`", v -> (Long) v >= 64 * 1024, "must be at least 65536"),
    PROXY("proxy", Kind.SECRET, Scope.CLIENT, null, "SEESTACK_PROXY", "JVM proxy settings",
            "forward proxy `http://[user:password@]host:port` for ingest and flags (absolute-form for `http`"
                    + " hosts, `CONNECT` for `https`); credentials (URL-encoded) go as"
                    + " `Proxy-Authorization: Basic` to that proxy only (with `CONNECT` for https), never to the"
                    + " backend. Unset, `-Dhttps.proxyHost`/`-Dhttp.proxyHost` and `ProxySelector.getDefault()` apply"),
    TRUST_STORE("trustStore", Kind.STRING, Scope.CLIENT, null, "SEESTACK_TRUST_STORE", "JVM trust store",
            "PKCS12/JKS file of the CA certificates to trust for an `https` host (a private CA). In code,"
                    + " `SeeStackConfig.Builder.sslContext(SSLContext)` takes precedence"),
    TRUST_STORE_PASSWORD("trustStorePassword", Kind.SECRET, Scope.CLIENT, null, "SEESTACK_TRUST_STORE_PASSWORD",
            "none", "password of `trustStore`; never logged"),
    SHUTDOWN_HOOK("shutdownHook", Kind.BOOLEAN, Scope.CLIENT, true, null, "`true`",
            "drain the client in a JVM shutdown hook; turn it off only when something else closes the client"
                    + " during shutdown (the Spring Boot starter does)"),
    TAGS("tags", Kind.STRING, Scope.CLIENT, null, null, "none",
            "`key=value` pairs separated by commas (`region=eu-1,team=payments`), merged into the `metadata` of every"
                    + " error and log; the event's own keys win (see Errors)"),
    SERVER_NAME("serverName", Kind.STRING, Scope.CLIENT, null, "SEESTACK_SERVER_NAME", "the local host name",
            "sent as `metadata.serverName` on errors; an empty value or `none` (for logback.xml, which has no empty"
                    + " value) turns it off"),
    MAX_BREADCRUMBS("maxBreadcrumbs", Kind.INT, Scope.CLIENT, 50, null, "`50`",
            "breadcrumbs (earlier log lines and outbound HTTP calls of the error's trace, else of its thread) sent"
                    + " as `metadata.breadcrumbs` with each error; `0` turns them off",
            v -> (Integer) v >= 0, "must not be negative"),
    IGNORED_EXCEPTIONS("ignoredExceptions", Kind.STRING, Scope.CLIENT, null, null, "none",
            "comma-separated exception class names: an error whose throwable is an instance of one (subclasses"
                    + " included) is not sent as an error (its log line still is), counted in `droppedIgnored`"),
    MAX_ERRORS_PER_GROUP_PER_MINUTE("maxErrorsPerGroupPerMinute", Kind.INT, Scope.CLIENT, 0, null,
            "`0` (unlimited)",
            "errors sent per group (as the backend groups them) and minute; the rest are counted in"
                    + " `droppedRateLimited`, and the next one sent carries `metadata.suppressedSinceLast`",
            v -> (Integer) v >= 0, "must not be negative"),
    SERVICE("service", Kind.STRING, Scope.CLIENT, null, null, "none",
            "service name sent with logs and errors (`metadata.service`) that name none themselves (in their"
                    + " metadata, the MDC or `SeeStackContext`); a logging adapter's own `service` wins over its"
                    + " client's"),
    MINIMUM_LOG_LEVEL("minimumLogLevel", Kind.LEVEL, Scope.MAPPING, Severity.INFO, null, "`INFO`",
            "logging adapters: lowest framework level shipped as a log (JUL: the handler's `level` as well)"),
    MINIMUM_ERROR_LEVEL("minimumErrorLevel", Kind.LEVEL, Scope.MAPPING, Severity.ERROR, null,
            "`ERROR` (JUL `SEVERE`)",
            "logging adapters: lowest level at which an event carrying a throwable is also shipped as an error"),
    TRACE_ID_KEY("traceIdKey", Kind.STRING, Scope.MAPPING, "traceId", null, "`traceId`",
            "logging adapters: MDC / `ThreadContext` key holding the trace id"),
    SERVICE_KEY("serviceKey", Kind.STRING, Scope.MAPPING, "service", null, "`service`",
            "logging adapters: MDC / `ThreadContext` key holding the service name"),
    USER_ID_KEY("userIdKey", Kind.STRING, Scope.MAPPING, "userId", null, "`userId`",
            "logging adapters: MDC / `ThreadContext` key holding the user id"),
    MINIMUM_BREADCRUMB_LEVEL("minimumBreadcrumbLevel", Kind.LEVEL, Scope.MAPPING, Severity.INFO, null, "`INFO`",
            "logging adapters: lowest framework level kept as a breadcrumb for later errors of the same trace");

    /** The value type, which decides how a text value is parsed. */
    public enum Kind { STRING, SECRET, LONG, INT, BOOLEAN, LEVEL }

    /** {@code CLIENT} options configure the client; {@code MAPPING} options how a logging adapter maps events. */
    public enum Scope { CLIENT, MAPPING }

    private final String optionName;
    private final Kind kind;
    private final Scope scope;
    private final Object defaultValue;
    private final String env;
    private final String defaultDoc;
    private final String doc;
    private final Predicate<Object> valid;
    private final String rule;

    Option(String name, Kind kind, Scope scope, Object defaultValue, String env, String defaultDoc, String doc) {
        this(name, kind, scope, defaultValue, env, defaultDoc, doc, v -> true, null);
    }

    Option(String name, Kind kind, Scope scope, Object defaultValue, String env, String defaultDoc, String doc,
            Predicate<Object> valid, String rule) {
        this.optionName = name;
        this.kind = kind;
        this.scope = scope;
        this.defaultValue = defaultValue;
        this.env = env;
        this.defaultDoc = defaultDoc;
        this.doc = doc;
        this.valid = valid;
        this.rule = rule;
    }

    /** The option's name in builders, logback.xml, log4j2.xml and logging.properties (camelCase). */
    public String optionName() {
        return optionName;
    }

    /** The Spring Boot property: {@code seestack.} and the name in kebab case. */
    public String springProperty() {
        return "seestack." + optionName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    public Scope scope() {
        return scope;
    }

    /** The typed default ({@code Long}, {@code Integer}, {@code Boolean}, {@code String}, {@code Severity}) or null. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The environment variable read when the option is unset, or null. */
    public String env() {
        return env;
    }

    public String defaultDoc() {
        return defaultDoc;
    }

    public String doc() {
        return doc;
    }

    /** The validation rule in words ("must be positive"), or null when any value of the type is accepted. */
    public String rule() {
        return rule;
    }

    /** Whether the value must never be printed. */
    public boolean isSecret() {
        return kind == Kind.SECRET;
    }

    boolean accepts(Object typed) {
        return valid.test(typed);
    }

    /** The option of this name, or null. */
    public static Option named(String name) {
        for (Option o : values()) {
            if (o.optionName.equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** The options of one scope, in table order. */
    public static List<Option> of(Scope scope) {
        List<Option> list = new ArrayList<>();
        for (Option o : values()) {
            if (o.scope == scope) {
                list.add(o);
            }
        }
        return Collections.unmodifiableList(list);
    }
}
