package dev.seestack.examples.openfeature;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.openfeature.SeeStackFeatureProvider;

/**
 * SeeStack flags through OpenFeature: {@link SeeStackFeatureProvider} over the {@code SeeStack} facade's client; the
 * context's targeting key is the user id, its other attributes the targeting attributes. Prints each evaluation's
 * value, reason and error code (an unknown flag answers the default with {@code FLAG_NOT_FOUND}).
 */
public final class OpenFeatureExample {
    private OpenFeatureExample() {
    }

    public static void main(String[] args) {
        SeeStack.init(SeeStackConfig.builder()
                .host(env("SEESTACK_HOST", "http://127.0.0.1:7717"))
                .apiKey(env("SEESTACK_API_KEY", "local-dev-key"))
                .environment(env("SEESTACK_ENVIRONMENT", "development"))
                .projectId(env("SEESTACK_PROJECT_ID", "6f1c2b0e-3d4a-4e8b-9c7d-2a1b3c4d5e6f"))
                .flagsToken(env("SEESTACK_FLAGS_TOKEN", "local-flags-token"))
                .build());
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        try {
            api.setProviderAndWait(new SeeStackFeatureProvider());
            Client flags = api.getClient();
            MutableContext alice = new MutableContext("alice");
            alice.add("plan", "pro");

            print(flags.getStringDetails("new-checkout", "control", alice));
            print(flags.getBooleanDetails("beta-search", false, new MutableContext("carol")));
            print(flags.getBooleanDetails("dark-mode", false, alice));
            print(flags.getIntegerDetails("max-items", 10, alice));
            print(flags.getStringDetails("new-checkout", "control", alice)); // answered from the cache
        } finally {
            api.shutdown();
            SeeStack.close();
        }
    }

    private static void print(FlagEvaluationDetails<?> d) {
        System.out.println(d.getFlagKey() + " = " + d.getValue() + " (reason " + d.getReason()
                + (d.getErrorCode() == null ? "" : ", error " + d.getErrorCode()) + ")");
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
