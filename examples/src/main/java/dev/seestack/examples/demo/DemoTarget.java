package dev.seestack.examples.demo;

import dev.seestack.examples.collector.CollectorOptions;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the demo sends to: the embedded local collector (when {@code SEESTACK_HOST} is unset) or a real SeeStack
 * instance named by {@code SEESTACK_HOST} / {@code SEESTACK_API_KEY} / {@code SEESTACK_PROJECT_ID} /
 * {@code SEESTACK_FLAGS_TOKEN} / {@code SEESTACK_ENVIRONMENT}.
 */
public final class DemoTarget {
    /** Project id sent when none is configured: any UUID is accepted by the local collector. */
    public static final String DEMO_PROJECT_ID = "6f1c2b0e-3d4a-4e8b-9c7d-2a1b3c4d5e6f";
    /** Environment used when {@code SEESTACK_ENVIRONMENT} is unset ({@code production} refuses http:// hosts). */
    public static final String DEMO_ENVIRONMENT = "development";

    private final String host;
    private final String apiKey;
    private final String environment;
    private final String projectId;
    private final String flagsToken;

    private DemoTarget(String host, String apiKey, String environment, String projectId, String flagsToken) {
        this.host = Objects.requireNonNull(host, "host");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.environment = environment;
        this.projectId = projectId;
        this.flagsToken = flagsToken;
    }

    /** The local collector at {@code url}, with its default ingest key and flags token. */
    public static DemoTarget localCollector(String url) {
        return new DemoTarget(url, CollectorOptions.DEFAULT_API_KEY, DEMO_ENVIRONMENT, DEMO_PROJECT_ID,
                CollectorOptions.DEFAULT_FLAGS_TOKEN);
    }

    /**
     * The real instance named by the {@code SEESTACK_*} variables read through {@code env}, or null when
     * {@code SEESTACK_HOST} is unset (the demo then starts its embedded collector).
     *
     * @throws IllegalArgumentException when {@code SEESTACK_HOST} is set but {@code SEESTACK_API_KEY} is not
     */
    public static DemoTarget fromEnvironment(UnaryOperator<String> env) {
        String host = blankToNull(env.apply("SEESTACK_HOST"));
        if (host == null) {
            return null;
        }
        String apiKey = blankToNull(env.apply("SEESTACK_API_KEY"));
        if (apiKey == null) {
            throw new IllegalArgumentException("SEESTACK_HOST is set but SEESTACK_API_KEY is not");
        }
        String environment = blankToNull(env.apply("SEESTACK_ENVIRONMENT"));
        String projectId = blankToNull(env.apply("SEESTACK_PROJECT_ID"));
        return new DemoTarget(host, apiKey, environment == null ? DEMO_ENVIRONMENT : environment,
                projectId == null ? DEMO_PROJECT_ID : projectId, blankToNull(env.apply("SEESTACK_FLAGS_TOKEN")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Base URL of the backend. */
    public String host() {
        return host;
    }

    /** Ingest API key. */
    public String apiKey() {
        return apiKey;
    }

    /** Environment sent with errors (default {@value #DEMO_ENVIRONMENT}). */
    public String environment() {
        return environment;
    }

    /** Project UUID for HTTP monitoring and flags (default {@link #DEMO_PROJECT_ID}). */
    public String projectId() {
        return projectId;
    }

    /** Flags token; null turns flag lookups into their defaults (after one SDK warning). */
    public String flagsToken() {
        return flagsToken;
    }
}
