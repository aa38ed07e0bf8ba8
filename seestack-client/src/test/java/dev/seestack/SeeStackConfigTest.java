package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeeStackConfigTest {
    private static final Map<String, String> ENV = Map.of(
            "SEESTACK_API_KEY", "env-key", "SEESTACK_HOST", "https://env.example.com/",
            "SEESTACK_ENVIRONMENT", "staging", "SEESTACK_RELEASE", "9.9", "SEESTACK_PROJECT_ID",
            "5f0c6a5e-0000-4000-8000-000000000001");

    @Test
    void fallsBackToEnvironmentVariablesForUnsetOptions() {
        SeeStackConfig c = SeeStackConfig.builder(ENV::get).build();
        assertEquals("env-key", c.apiKey());
        assertEquals("https://env.example.com", c.host());
        assertEquals("staging", c.environment());
        assertEquals("9.9", c.release());
        assertEquals("5f0c6a5e-0000-4000-8000-000000000001", c.projectId());
    }

    @Test
    void prefersExplicitOptionsOverTheEnvironmentAndTrimsWhitespace() {
        SeeStackConfig c = SeeStackConfig.builder(ENV::get).apiKey("  code-key ").host(" https://code.example.com// ")
                .environment(" prüfung-环境 ").build();
        assertEquals("code-key", c.apiKey());
        assertEquals("https://code.example.com", c.host());
        assertEquals("prüfung-环境", c.environment());
    }

    @Test
    void defaultsMatchTheDocumentation() {
        SeeStackConfig c = SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com").build();
        assertEquals(5000, c.flushIntervalMs());
        assertEquals(500, c.bufferSize());
        assertFalse(c.debug());
        assertNull(c.environment(), "environment is not set unless configured");
        assertNull(c.release());
        assertEquals(60_000, c.flagCacheTtlMs());
        assertTrue(c.shutdownHook(), "the JVM shutdown hook drains the client unless turned off");
        assertFalse(SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com").shutdownHook(false)
                .build().shutdownHook());
    }

    @Test
    void failsFastNamingTheOptionWhenApiKeyIsBlankOrHostMissing() {
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> SeeStackConfig.builder(n -> null).apiKey("   ").host("https://x.example.com").build());
        assertTrue(noKey.getMessage().contains("'apiKey'"));
        IllegalArgumentException noHost = assertThrows(IllegalArgumentException.class,
                () -> SeeStackConfig.builder(n -> null).apiKey("k").build());
        assertTrue(noHost.getMessage().contains("'host'"));
        IllegalArgumentException badHost = assertThrows(IllegalArgumentException.class,
                () -> SeeStackConfig.builder(n -> null).apiKey("k").host("seestack.example.com").build());
        assertTrue(badHost.getMessage().contains("'host'"));
    }

    @Test
    void replacesNonPositiveSizesWithDefaultsAndRecordsOneWarningEach() {
        SeeStackConfig c = SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com")
                .bufferSize(-3).flushIntervalMs(0).build();
        assertEquals(500, c.bufferSize());
        assertEquals(5000, c.flushIntervalMs());
        assertEquals(2, c.warnings().size());
    }

    @Test
    void keepsAHostPathButDropsTrailingSlashes() {
        SeeStackConfig c = SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com/seestack/")
                .build();
        assertEquals("https://x.example.com/seestack", c.host());
    }

    @Test
    void treatsPlainHttpInProductionAsInsecureButAllowsItElsewhere() {
        assertTrue(SeeStackConfig.builder(n -> null).apiKey("k").host("http://x.example.com").environment("production")
                .build().isInsecureProduction());
        assertTrue(SeeStackConfig.builder(n -> null).apiKey("k").host("http://x.example.com").environment(" PROD ")
                .build().isInsecureProduction());
        assertFalse(SeeStackConfig.builder(n -> null).apiKey("k").host("http://x.example.com").build()
                .isInsecureProduction(), "no environment configured: nothing to refuse");
        assertFalse(SeeStackConfig.builder(n -> null).apiKey("k").host("http://localhost:7717")
                .environment("development").build().isInsecureProduction());
        assertFalse(SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com").build()
                .isInsecureProduction());
    }

    @Test
    void allowsPlainHttpInProductionToALoopbackHostWhereNothingLeavesTheMachine() {
        for (String host : new String[] {"http://localhost:7717", "http://127.0.0.1:8080", "http://127.9.8.7",
                "http://[::1]:7717", "http://LOCALHOST"}) {
            assertFalse(SeeStackConfig.builder(n -> null).apiKey("k").host(host).environment("production").build()
                    .isInsecureProduction(), host);
        }
        for (String host : new String[] {"http://127.0.0.1.example.com", "http://128.0.0.1", "http://localhost.evil.com",
                "http://10.0.0.1"}) {
            assertTrue(SeeStackConfig.builder(n -> null).apiKey("k").host(host).environment("prod").build()
                    .isInsecureProduction(), host);
        }
    }

    @Test
    void neverPrintsTheApiKey() {
        SeeStackConfig c = SeeStackConfig.builder(n -> null).apiKey("super-secret-key").host("https://x.example.com")
                .flagsToken("flag-token-1").build();
        assertFalse(c.toString().contains("super-secret-key"));
        assertFalse(c.toString().contains("flag-token-1"));
    }
}
