package dev.seestack.internal.flags;

import dev.seestack.internal.json.BlankText;
import dev.seestack.SeeStackConfig;
import dev.seestack.flags.FlagResult;
import dev.seestack.internal.config.PlainHttpPolicy;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.http.HttpMonitor;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.transport.HttpEngine;
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
import java.util.function.Supplier;

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
    private final FlagLookup source;
    /** Answers come from memory (a test override): no token or projectId is needed. */
    private final boolean inMemory;
    private final LongSupplier clockMs;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    /** {@code source} may be null when flags are not configured; {@code clockMs} is a monotonic millisecond clock. */
    public FlagEvaluator(SeeStackConfig config, Diagnostics diagnostics, FlagLookup source, LongSupplier clockMs) {
        this(config, diagnostics, source, false, clockMs);
    }

    private FlagEvaluator(SeeStackConfig config, Diagnostics diagnostics, FlagLookup source, boolean inMemory,
            LongSupplier clockMs) {
        this.projectId = config.projectId();
        this.flagsToken = config.flagsToken();
        this.ttlMs = config.flagCacheTtlMs();
        this.refusedPlainHttp = PlainHttpPolicy.refuses(config.environment(), config.host());
        this.diagnostics = diagnostics;
        this.source = source;
        this.inMemory = inMemory;
        this.clockMs = clockMs;
    }

    /**
     * The evaluator of a client: the client's shared HTTP engine ({@code engine}, asked only when a flags token is
     * set) against the configured host, monotonic clock; or, when {@code inMemory} is not null, answers from it,
     * uncached, whatever the flag options say.
     */
    public static FlagEvaluator create(SeeStackConfig config, Diagnostics diagnostics, Supplier<HttpEngine> engine,
            FlagLookup inMemory) {
        LongSupplier clock = () -> System.nanoTime() / 1_000_000L;
        if (inMemory != null) {
            return new FlagEvaluator(config, diagnostics, inMemory, true, clock);
        }
        FlagSource source = config.flagsToken() == null ? null
                : new FlagSource(config.host(), config.flagsToken(), engine.get());
        return new FlagEvaluator(config, diagnostics, source, clock);
    }

    /** Evaluates {@code key}; {@code fallback} when it cannot be evaluated and nothing is cached. */
    public FlagResult get(String key, String userId, Map<String, ?> attributes, FlagResult fallback) {
        FlagResult result = evaluate(key, userId, attributes).result();
        return result != null ? result : fallback != null ? fallback : FlagResult.disabled();
    }

    /** Evaluates {@code key} and says how it was answered (for the OpenFeature provider). Never throws. */
    public FlagEvaluation evaluate(String key, String userId, Map<String, ?> attributes) {
        try {
            if (BlankText.isBlank(key)) {
                return FlagEvaluation.failed(FlagEvaluation.Failure.NOT_FOUND, "a flag key must not be blank");
            }
            String problem = configurationProblem();
            if (problem != null) {
                return FlagEvaluation.failed(FlagEvaluation.Failure.NOT_CONFIGURED, problem);
            }
            String attrs = attributesJson(attributes);
            String query = query(userId, attrs);
            Outcome o = lookup(key + "\u0000" + userId + "\u0000" + attrs,
                    () -> FlagResponseParser.parseSingle(source.get("/api/v1/flags/" + encodePath(key) + "/evaluate"
                            + query)));
            if (o.value instanceof FlagEvaluation) {
                return ((FlagEvaluation) o.value).from(o.origin, o.failure);
            }
            return o.failure != null ? o.failure
                    : FlagEvaluation.failed(FlagEvaluation.Failure.FAILED, "unexpected cache entry");
        } catch (RuntimeException | LinkageError e) {
            diagnostics.debug(() -> "flag lookup failure (swallowed): " + e);
            return FlagEvaluation.failed(FlagEvaluation.Failure.FAILED, "flag lookup failed: " + e);
        }
    }

    /** Evaluates every flag; {@code fallback} (or an empty map) when they cannot be evaluated and nothing is cached. */
    @SuppressWarnings("unchecked")
    public Map<String, FlagResult> getAll(String userId, Map<String, ?> attributes, Map<String, FlagResult> fallback) {
        Map<String, FlagResult> dflt = fallback != null ? fallback : Collections.emptyMap();
        try {
            if (configurationProblem() != null) {
                return dflt;
            }
            String attrs = attributesJson(attributes);
            String query = query(userId, attrs);
            Object v = lookup(ALL + "\u0000" + userId + "\u0000" + attrs, () -> Collections.unmodifiableMap(
                    FlagResponseParser.parseAll(source.get("/api/v1/flags/evaluate" + query)))).value;
            return v instanceof Map ? (Map<String, FlagResult>) v : dflt;
        } catch (RuntimeException | LinkageError e) {
            diagnostics.debug(() -> "flag lookup failure (swallowed): " + e);
            return dflt;
        }
    }

    /** Null when flags can be evaluated; else a sentence naming the option to set (also warned about once). */
    private String configurationProblem() {
        if (refusedPlainHttp) {
            // the client already reported the refusal; the management token must never travel in clear text
            return "feature flags are off because the client refuses its plain-HTTP host in this environment";
        }
        if (source != null && (inMemory || HttpMonitor.isValidProjectId(projectId))) {
            return null;
        }
        String problem = "feature flags are off because "
                + (flagsToken == null ? "option 'flagsToken' (SEESTACK_FLAGS_TOKEN) is not set"
                        : "option 'projectId' (SEESTACK_PROJECT_ID) is " + (projectId == null ? "not set" : "not a UUID"));
        diagnostics.warnOnce("flags-config", "SeeStack SDK: " + problem + "; flag lookups return their default.");
        return problem;
    }

    /** The cached or fetched value with where it came from; without a value, the failure. */
    private Outcome lookup(String cacheKey, Fetch fetch) {
        Entry cached = cache.get(cacheKey);
        if (cached != null && isFresh(cached)) {
            return new Outcome(cached.value, FlagEvaluation.Origin.CACHED, null);
        }
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> running = inFlight.putIfAbsent(cacheKey, mine);
        Outcome outcome = null;
        if (running != null) {
            outcome = await(running);
        } else {
            try {
                outcome = fetchAsLeader(cacheKey, fetch);
            } finally {
                // followers get the fresh value, or the failure and then fall back to the stale entry like the leader
                mine.complete(outcome);
                inFlight.remove(cacheKey, mine);
            }
        }
        if (outcome == null) {
            outcome = failure(FlagEvaluation.Failure.FAILED, "the lookup ended without an answer");
        }
        if (outcome.value != null) {
            return outcome;
        }
        Entry stale = cache.get(cacheKey);
        return stale == null ? outcome : new Outcome(stale.value, FlagEvaluation.Origin.STALE, outcome.failure);
    }

    private Outcome fetchAsLeader(String cacheKey, Fetch fetch) {
        // re-check: a request that just finished may have stored a fresh entry before leaving the in-flight map
        Entry cached = cache.get(cacheKey);
        if (cached != null && isFresh(cached)) {
            return new Outcome(cached.value, FlagEvaluation.Origin.CACHED, null);
        }
        try {
            Object value = fetch.fetch();
            if (!inMemory) {
                store(cacheKey, value); // answers set by a test change between tests: neither cached nor stale
            }
            return new Outcome(value, FlagEvaluation.Origin.FETCHED, null);
        } catch (FlagSource.StatusException e) {
            if (e.status() == 401 || e.status() == 403) {
                diagnostics.warnOnce("flags-auth", "SeeStack SDK: the flags API answered " + e.status()
                        + "; check option 'flagsToken'. Flag lookups return cached values or their default.");
            } else {
                diagnostics.debug(() -> "flag lookup failed: " + e.getMessage());
            }
            return failure(e.status() == 404 ? FlagEvaluation.Failure.NOT_FOUND : FlagEvaluation.Failure.FAILED,
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(FlagEvaluation.Failure.FAILED, "interrupted");
        } catch (Exception e) {
            diagnostics.debug(() -> "flag lookup failed: " + e);
            return failure(FlagEvaluation.Failure.FAILED, "flag lookup failed: " + e);
        }
    }

    private static Outcome failure(FlagEvaluation.Failure failure, String message) {
        return new Outcome(null, FlagEvaluation.Origin.NONE, FlagEvaluation.failed(failure, message));
    }

    private Outcome await(CompletableFuture<Outcome> running) {
        try {
            return running.get(FOLLOWER_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(FlagEvaluation.Failure.FAILED, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return failure(FlagEvaluation.Failure.FAILED, "no answer from a concurrent lookup: " + e);
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
        StringBuilder q = new StringBuilder("?projectId=").append(projectId == null ? "" : encode(projectId));
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

    /** A lookup's value (null on failure) with its origin, and the failed fetch's evaluation when there was one. */
    private static final class Outcome {
        final Object value;
        final FlagEvaluation.Origin origin;
        final FlagEvaluation failure;

        Outcome(Object value, FlagEvaluation.Origin origin, FlagEvaluation failure) {
            this.value = value;
            this.origin = origin;
            this.failure = failure;
        }
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
