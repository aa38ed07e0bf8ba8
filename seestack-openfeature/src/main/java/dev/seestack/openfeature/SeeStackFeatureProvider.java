package dev.seestack.openfeature;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.seestack.SeeStackClient;
import dev.seestack.flags.FlagResult;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.flags.FlagEvaluation;
import dev.seestack.openfeature.internal.FlagValueParser;
import dev.seestack.openfeature.internal.ReasonTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An OpenFeature provider answering from SeeStack feature flags ({@code flagsToken} and {@code projectId} set):
 * the context's targeting key is the {@code userId}, its other attributes the targeting attributes. Values are the
 * flag's string parsed to the requested type; answers are cached per the client's {@code flagCacheTtlMs}. Never
 * throws from an evaluation: every failure is the caller's default with an error code.
 *
 * <pre>{@code
 * OpenFeatureAPI.getInstance().setProviderAndWait(new SeeStackFeatureProvider());
 * boolean on = OpenFeatureAPI.getInstance().getClient()
 *         .getBooleanValue("new-checkout", false, new ImmutableContext("user-42"));
 * }</pre>
 */
public final class SeeStackFeatureProvider implements FeatureProvider {
    /** The provider's name in OpenFeature metadata. */
    public static final String NAME = "SeeStack";
    /** Flag metadata key: the backend's own reason ({@code PERCENTAGE_ROLLOUT}, {@code ATTRIBUTE_RULE}...), when sent. */
    public static final String METADATA_REASON = "reason";
    /** Flag metadata key: whether the flag is enabled (a disabled flag answers the caller's default). */
    public static final String METADATA_ENABLED = "enabled";

    private static final String NOT_INITIALISED = "SeeStack is not initialised: call SeeStack.init(...), or configure"
            + " a SeeStack appender or the Spring Boot starter, before evaluating flags";

    /** Null: the {@code SeeStack} facade's client at each evaluation. */
    private final SeeStackClient client;

    /** A provider over the {@code SeeStack} facade's client (whichever is current when a flag is evaluated). */
    public SeeStackFeatureProvider() {
        this(null);
    }

    /** A provider over {@code client}; null means the facade's client, as the no-argument constructor. */
    public SeeStackFeatureProvider(SeeStackClient client) {
        this.client = client;
    }

    @Override
    public Metadata getMetadata() {
        return () -> NAME;
    }

    /**
     * Does nothing, so that {@code setProviderAndWait} never fails an application's startup: while flags cannot be
     * evaluated (no {@code flagsToken}, no UUID {@code projectId}, SeeStack not initialised), every evaluation
     * answers its default with {@code PROVIDER_NOT_READY} and a message naming what to set, and the client warns
     * once on stderr.
     */
    @Override
    public void initialize(EvaluationContext evaluationContext) {
        // readiness is checked per evaluation: the facade's client may be initialised after the provider is set
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, FlagValueParser::asBoolean);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, FlagValueParser::asString);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, FlagValueParser::asInteger);
    }

    @Override
    public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, FlagValueParser::asLong);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, FlagValueParser::asDouble);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ctx, FlagValueParser::asObject);
    }

    private SeeStackClient currentClient() {
        return client != null ? client : ClientRegistry.current();
    }

    private <T> ProviderEvaluation<T> evaluate(String key, T defaultValue, EvaluationContext ctx,
            Function<String, T> parser) {
        try {
            SeeStackClient c = currentClient();
            if (c == null) {
                return error(defaultValue, ErrorCode.PROVIDER_NOT_READY, NOT_INITIALISED);
            }
            FlagEvaluation evaluation = ClientAccess.core(c).flags().evaluate(key, userId(ctx), attributes(ctx));
            return answer(key, evaluation, defaultValue, parser);
        } catch (RuntimeException | LinkageError e) {
            return error(defaultValue, ErrorCode.GENERAL, "SeeStack flag evaluation failed: " + e);
        }
    }

    private static <T> ProviderEvaluation<T> answer(String key, FlagEvaluation evaluation, T defaultValue,
            Function<String, T> parser) {
        FlagResult result = evaluation.result();
        if (result == null) {
            switch (evaluation.failure()) {
                case NOT_CONFIGURED:
                    return error(defaultValue, ErrorCode.PROVIDER_NOT_READY, "SeeStack: " + evaluation.message());
                case NOT_FOUND:
                    return error(defaultValue, ErrorCode.FLAG_NOT_FOUND, "SeeStack has no flag '" + key + "'");
                default:
                    return error(defaultValue, ErrorCode.GENERAL, "SeeStack: " + evaluation.message());
            }
        }
        ImmutableMetadata.ImmutableMetadataBuilder metadata = ImmutableMetadata.builder()
                .addBoolean(METADATA_ENABLED, result.enabled());
        if (evaluation.backendReason() != null) {
            metadata.addString(METADATA_REASON, evaluation.backendReason());
        }
        String reason = ReasonTable.reasonOf(evaluation);
        if (!result.enabled()) {
            return ProviderEvaluation.<T>builder().value(defaultValue).variant(result.value()).reason(reason)
                    .flagMetadata(metadata.build()).build();
        }
        T value = parser.apply(result.value());
        if (value == null) {
            return ProviderEvaluation.<T>builder().value(defaultValue).variant(result.value())
                    .reason(Reason.ERROR.name()).errorCode(ErrorCode.TYPE_MISMATCH)
                    .errorMessage("SeeStack flag '" + key + "' has value '" + result.value()
                            + "', which is not of the requested type")
                    .flagMetadata(metadata.build()).build();
        }
        return ProviderEvaluation.<T>builder().value(value).variant(result.value()).reason(reason)
                .flagMetadata(metadata.build()).build();
    }

    private static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
        return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.name()).errorCode(code)
                .errorMessage(message).build();
    }

    private static String userId(EvaluationContext ctx) {
        String key = ctx == null ? null : ctx.getTargetingKey();
        return key == null || key.isBlank() ? null : key;
    }

    /** Every context attribute but the targeting key, as plain Java values (structures as maps, lists as lists). */
    private static Map<String, Object> attributes(EvaluationContext ctx) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (ctx != null) {
            attributes.putAll(ctx.asObjectMap());
            attributes.remove(EvaluationContext.TARGETING_KEY);
        }
        return attributes;
    }
}
