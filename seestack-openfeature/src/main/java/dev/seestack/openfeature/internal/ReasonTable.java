package dev.seestack.openfeature.internal;

import dev.openfeature.sdk.Reason;
import dev.seestack.internal.flags.FlagEvaluation;
import java.util.Locale;

/**
 * The OpenFeature reason of a SeeStack answer: a cached answer is {@code CACHED}, a stale-on-error one
 * {@code STALE}; a fresh one maps the backend's reason ({@code FORCE_OVERRIDE}/{@code ATTRIBUTE_RULE} →
 * {@code TARGETING_MATCH}, {@code PERCENTAGE_ROLLOUT} → {@code SPLIT}, {@code DEFAULT}, {@code DISABLED}; any
 * other name, such as the rule name the documented shape sends in {@code ruleApplied}, is a {@code TARGETING_MATCH}).
 */
public final class ReasonTable {
    /** OpenFeature's reason for a value served from a cache after the request for a fresh one failed. */
    public static final String STALE = "STALE";

    private ReasonTable() {
    }

    /** The reason of {@code evaluation}, which has a result. */
    public static String reasonOf(FlagEvaluation evaluation) {
        if (evaluation.origin() == FlagEvaluation.Origin.CACHED) {
            return Reason.CACHED.name();
        }
        if (evaluation.origin() == FlagEvaluation.Origin.STALE) {
            return STALE;
        }
        String backend = evaluation.backendReason();
        if (backend == null) {
            return evaluation.result().enabled() ? Reason.UNKNOWN.name() : Reason.DISABLED.name();
        }
        switch (backend.strip().toUpperCase(Locale.ROOT)) {
            case "FORCE_OVERRIDE":
            case "ATTRIBUTE_RULE":
                return Reason.TARGETING_MATCH.name();
            case "PERCENTAGE_ROLLOUT":
                return Reason.SPLIT.name();
            case "DEFAULT":
                return Reason.DEFAULT.name();
            case "DISABLED":
                return Reason.DISABLED.name();
            default:
                return Reason.TARGETING_MATCH.name();
        }
    }
}
