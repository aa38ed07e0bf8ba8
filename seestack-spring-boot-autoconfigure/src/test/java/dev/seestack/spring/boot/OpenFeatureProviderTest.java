package dev.seestack.spring.boot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Reason;
import dev.seestack.openfeature.SeeStackFeatureProvider;
import dev.seestack.spring.boot.internal.SeeStackAutoConfiguration;
import dev.seestack.spring.boot.internal.SeeStackOpenFeatureAutoConfiguration;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With the OpenFeature SDK present, the starter registers the SeeStack provider as OpenFeature's default. */
class OpenFeatureProviderTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SeeStackAutoConfiguration.class,
                    SeeStackOpenFeatureAutoConfiguration.class))
            .withPropertyValues("seestack.api-key=" + IngestStub.API_KEY, "seestack.logging.enabled=false",
                    "seestack.project-id=5f0c6a5e-1111-4222-8333-444455556666", "seestack.flags-token=t-1");

    @Test
    void theStarterRegistersTheProviderAndOpenFeatureAnswersFromSeeStack() {
        stub.stub(get(urlPathEqualTo("/api/v1/flags/new-checkout/evaluate")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true,\"data\":{\"flagKey\":"
                        + "\"new-checkout\",\"variant\":\"true\",\"enabled\":true,\"reason\":\"PERCENTAGE_ROLLOUT\"}}")));

        runner.withPropertyValues("seestack.host=" + stub.host()).run(context -> {
            SeeStackFeatureProvider provider = context.getBean(SeeStackFeatureProvider.class);
            assertSame(provider, OpenFeatureAPI.getInstance().getProvider());
            PollUntil.await("the provider is ready", () -> OpenFeatureAPI.getInstance().getClient().getProviderState()
                    == dev.openfeature.sdk.ProviderState.READY);

            FlagEvaluationDetails<Boolean> d = OpenFeatureAPI.getInstance().getClient()
                    .getBooleanDetails("new-checkout", false, new ImmutableContext("u-1"));

            assertEquals(true, d.getValue());
            assertEquals(Reason.SPLIT.name(), d.getReason());
        });
    }

    @Test
    void aPropertyTurnsTheProviderOff() {
        runner.withPropertyValues("seestack.host=" + stub.host(), "seestack.openfeature.enabled=false")
                .run(context -> assertFalse(context.containsBean("seeStackFeatureProvider")));
    }
}
