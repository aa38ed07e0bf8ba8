package dev.seestack.internal.flags;

import dev.seestack.internal.json.BlankText;
import dev.seestack.SeeStackConfig;
import dev.seestack.flags.FlagResult;
import dev.seestack.internal.ClientCore;
import dev.seestack.internal.config.PlainHttpPolicy;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.http.HttpMonitor;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.json.MetadataSanitizer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Synchronous feature-flag lookups with a per-(key, userId, attributes) cache: fresh entries (younger than
 * {@code flagCacheTtlMs}) answer without a request; concurrent misses for the same entry share ONE request
 * (single-flight); a failed request answers with the last cached value (stale-on-error), else the caller's
 * default. Never throws.
 */
public final class FlagEvaluator {
    /** Entries kept at most; beyond this, expired entries are evicted first, then all. */
    static final int MAX_ENTRIES = 10_000;
    /** How long a caller waits for another caller's request to the same entry. */
    static final long FOLLOWER_WAIT_MS = 10_000;
    private static final String ALL = "\u0000all";

    private final String projectId;
    private final String flagsToken;
    private final boolean refusedPlainHttp;
    private final long ttlMs;
    private final Diagnostics diagnostics;
    private final FlagSource source;
    private final LongSupplier clockMs;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    /** {@code source} may be null when flags are not configured; {@code clockMs} is a monotonic millisecond clock. */
    public FlagEvaluator(SeeStackConfig config, Diagnostics diagnostics, FlagSource source, LongSupplier clockMs) {
        this.projectId = config.projectId();
        this.flagsToken = config.flagsToken();
        this.ttlMs = config.flagCacheTtlMs();
        this.refusedPlainHttp = PlainHttpPolicy.refuses(config.environment(), config.host());
        this.diagnostics = diagnostics;
        this.source = source;
        this.clockMs = clockMs;
    }

    /** The evaluator of a client: the client's shared HTTP engine against the configured host, monotonic clock. */
    public static FlagEvaluator create(ClientCore core) {
        SeeStackConfig config = core.config();
        FlagSource source = config.flagsToken() == null ? null
                : new FlagSource(config.host(), config.flagsToken(), core.httpEngine());
        return new FlagEvaluator(config, core.diagnostics(), source, () -> System.nanoTime() / 1_000_000L);
    }

    /** Evaluates {@code key}; {@code fallback} when it cannot be evaluated and nothing is cached. */
    public FlagResult get(String key, String userId, Map<String, ?> attributes, FlagResult fallback) {
        FlagResult dflt = fallback != null ? fallback : FlagResult.disabled();
        try {
            if (BlankText.isBlank(key) || !isConfigured()) {
                return dflt;
            }
            String attrs = attributesJson(attributes);
            String query = query(userId, attrs);
            Object v = lookup(key + "\u0000" + userId + "\u0000" + attrs,
                    () -> FlagResponseParser.parseSingle(source.get("/api/v1/flags/" + encodePath(key) + "/evaluate"
                            + query)));
            return v instanceof FlagResult ? (FlagResult) v : dflt;
        } catch (RuntimeException | LinkageError e) {
            diagnostics.debug(() -> "flag lookup failure (swallowed): " + e);
            return dflt;
        }
    }

    /** Evaluates every flag; {@code fallback} (or an empty map) when they cannot be evaluated and nothing is cached. */
    @SuppressWarnings("unchecked")
    public Map<String, FlagResult> getAll(String userId, Map<String, ?> attributes, Map<String, FlagResult> fallback) {
        Map<String, FlagResult> dflt = fallback != null ? fallback : Collections.emptyMap();
        try {
            if (!isConfigured()) {
                return dflt;
            }
            String attrs = attributesJson(attributes);
            String query = query(userId, attrs);
            Object v = lookup(ALL + "\u0000" + userId + "\u0000" + attrs, () -> Collections.unmodifiableMap(
                    FlagResponseParser.parseAll(source.get("/api/v1/flags/evaluate" + query))));
            return v instanceof Map ? (Map<String, FlagResult>) v : dflt;
        } catch (RuntimeException | LinkageError e) {
            diagnostics.debug(() -> "flag lookup failure (swallowed): " + e);
            return dflt;
        }
    }

    private boolean isConfigured() {
        if (refusedPlainHttp) {
            // the client already reported the refusal; the management token must never travel in clear text
            return false;
        }
        if (source != null && HttpMonitor.isValidProjectId(projectId)) {
            return true;
        }
        diagnostics.warnOnce("flags-config", "SeeStack SDK: feature flags are off because "
                + (flagsToken == null ? "option 'flagsToken' (SEESTACK_FLAGS_TOKEN) is not set"
                        : "option 'projectId' (SEESTACK_PROJECT_ID) is " + (projectId == null ? "not set" : "not a UUID"))
                + "; flag lookups return their default.");
        return false;
    }

    /** The cached or fetched value, or null on failure with nothing cached. */
    private Object lookup(String cacheKey, Fetch fetch) {
        Entry cached = cache.get(cacheKey);
        if (cached != null && isFresh(cached)) {
            return cached.value;
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(cacheKey, mine);
        Object value = null;
        if (running != null) {
            value = await(running);
        } else {
            try {
                value = fetchAsLeader(cacheKey, fetch);
            } finally {
                // followers get the fresh value, or null and then fall back to the stale entry like the leader
                mine.complete(value);
                inFlight.remove(cacheKey, mine);
            }
        }
        if (value != null) {
            return value;
        }
        Entry stale = cache.get(cacheKey);
        return stale == null ? null : stale.value;
    }

    private Object fetchAsLeader(String cacheKey, Fetch fetch) {
        // re-check: a request that just finished may have stored a fresh entry before leaving the in-flight map
        Entry cached = cache.get(cacheKey);
        if (cached != null && isFresh(cached)) {
            return cached.value;
        }
        try {
            Object value = fetch.fetch();
            store(cacheKey, value);
            return value;
        } catch (FlagSource.StatusException e) {
            if (e.status() == 401 || e.status() == 403) {
                diagnostics.warnOnce("flags-auth", "SeeStack SDK: the flags API answered " + e.status()
                        + "; check option 'flagsToken'. Flag lookups return cached values or their default.");
            } else {
                diagnostics.debug(() -> "flag lookup failed: " + e.getMessage());
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            diagnostics.debug(() -> "flag lookup failed: " + e);
            return null;
        }
    }

    private Object await(CompletableFuture<Object> running) {
        try {
            return running.get(FOLLOWER_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private boolean isFresh(Entry e) {
        return clockMs.getAsLong() - e.storedAtMs < ttlMs;
    }

    private void store(String cacheKey, Object value) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(e -> !isFresh(e));
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(cacheKey, new Entry(value, clockMs.getAsLong()));
    }

    private String query(String userId, String attributesJson) {
        StringBuilder q = new StringBuilder("?projectId=").append(encode(projectId));
        // the backend requires userId: an anonymous lookup sends it empty
        q.append("&userId=").append(userId == null ? "" : encode(userId));
        return q.append("&attributes=").append(encode(attributesJson)).toString();
    }

    /** Attributes as a JSON object with sorted keys, so equal attributes share a cache entry. */
    private static String attributesJson(Map<String, ?> attributes) {
        Map<String, Object> sorted = new TreeMap<>(MetadataSanitizer.sanitizeMap(attributes));
        return new JsonWriter(64).tree(sorted).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String encodePath(String s) {
        return encode(s).replace("+", "%20");
    }

    @FunctionalInterface
    private interface Fetch {
        Object fetch() throws Exception;
    }

    private static final class Entry {
        final Object value;
        final long storedAtMs;

        Entry(Object value, long storedAtMs) {
            this.value = value;
            this.storedAtMs = storedAtMs;
        }
    }
}
