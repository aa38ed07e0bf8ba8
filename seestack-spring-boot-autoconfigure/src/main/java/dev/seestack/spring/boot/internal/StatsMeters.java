package dev.seestack.spring.boot.internal;

import dev.seestack.ClientStats;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Micrometer meters from the client's {@code stats()}: the counter {@code seestack.events} tagged {@code feature}
 * (errors, logs, http-requests, heartbeats) and {@code outcome} (captured, sent, dropped-buffer-full,
 * dropped-after-retries, rejected, dropped-disabled), the gauge {@code seestack.buffer.pending} (items buffered
 * or in flight, per feature), and {@code seestack.enabled} (1 or 0).
 */
final class StatsMeters implements MeterBinder {
    private static final String[] FEATURES = {"errors", "logs", "http-requests", "heartbeats"};
    private static final String[] OUTCOMES = {"captured", "sent", "dropped-buffer-full", "dropped-after-retries",
        "rejected", "dropped-disabled"};

    private final SeeStackClient client;

    StatsMeters(SeeStackClient client) {
        this.client = client;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String feature : FEATURES) {
            Function<ClientStats, FeatureStats> of = featureOf(feature);
            for (String outcome : OUTCOMES) {
                ToLongFunction<FeatureStats> count = outcomeOf(outcome);
                FunctionCounter.builder("seestack.events", client, c -> count.applyAsLong(of.apply(c.stats())))
                        .tag("feature", feature).tag("outcome", outcome)
                        .description("SeeStack SDK items by feature and outcome").register(registry);
            }
            Gauge.builder("seestack.buffer.pending", client, c -> of.apply(c.stats()).pending())
                    .tag("feature", feature).description("SeeStack SDK items buffered or in flight")
                    .register(registry);
        }
        Gauge.builder("seestack.enabled", client, c -> c.isEnabled() ? 1 : 0)
                .description("Whether the SeeStack SDK accepts captures").register(registry);
    }

    private static Function<ClientStats, FeatureStats> featureOf(String feature) {
        switch (feature) {
            case "errors":
                return ClientStats::errors;
            case "logs":
                return ClientStats::logs;
            case "http-requests":
                return ClientStats::httpRequests;
            default:
                return ClientStats::heartbeats;
        }
    }

    private static ToLongFunction<FeatureStats> outcomeOf(String outcome) {
        switch (outcome) {
            case "captured":
                return FeatureStats::captured;
            case "sent":
                return FeatureStats::sent;
            case "dropped-buffer-full":
                return FeatureStats::droppedBufferFull;
            case "dropped-after-retries":
                return FeatureStats::droppedAfterRetries;
            case "rejected":
                return FeatureStats::rejected;
            default:
                return FeatureStats::droppedDisabled;
        }
    }
}
