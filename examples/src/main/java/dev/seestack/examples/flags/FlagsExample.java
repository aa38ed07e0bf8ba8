package dev.seestack.examples.flags;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.flags.FlagResult;
import java.util.Map;

/**
 * Feature flags: {@link SeeStack#getFlag} evaluates one flag for a user (cached for 60 s, never throws: a failed
 * lookup answers the default), {@link SeeStack#getAllFlags} evaluates them all. Flags need a project id
 * ({@code SEESTACK_PROJECT_ID}) and a flags token ({@code SEESTACK_FLAGS_TOKEN}), not the ingest key.
 */
public final class FlagsExample {
    private FlagsExample() {
    }

    public static void main(String[] args) {
        SeeStack.init(SeeStackConfig.builder()
                .host(env("SEESTACK_HOST", "http://127.0.0.1:7717"))
                .apiKey(env("SEESTACK_API_KEY", "local-dev-key"))
                .environment(env("SEESTACK_ENVIRONMENT", "development"))
                .projectId(env("SEESTACK_PROJECT_ID", "6f1c2b0e-3d4a-4e8b-9c7d-2a1b3c4d5e6f"))
                .flagsToken(env("SEESTACK_FLAGS_TOKEN", "local-flags-token"))
                .build());
        try {
            FlagResult checkout = SeeStack.getFlag("new-checkout", "alice", Map.of("plan", "pro"));
            System.out.println("new-checkout for alice: " + checkout.asString("control"));

            FlagResult search = SeeStack.getFlag("beta-search", "carol", Map.of());
            System.out.println("beta-search for carol: " + (search.asBoolean() ? "on" : "off"));

            FlagResult limit = SeeStack.getFlag("max-items", "alice", null, FlagResult.of(true, "10"));
            System.out.println("max-items for alice: " + limit.asInt(10) + " (the default when the flag is unknown)");

            Map<String, FlagResult> all = SeeStack.getAllFlags("bob", Map.of());
            System.out.println("all flags for bob: " + all);
        } finally {
            SeeStack.close();
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
