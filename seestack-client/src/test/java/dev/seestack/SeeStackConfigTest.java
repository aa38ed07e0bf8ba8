package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.config.PlainHttpPolicy;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
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
        assertEquals(10_000, c.bufferSize());
        assertEquals(4L * 1024 * 1024, c.bufferBytes());
        assertFalse(c.debug());
        assertNull(c.environment(), "environment is not set unless configured");
        assertNull(c.release());
        assertEquals(60_000, c.flagCacheTtlMs());
        assertTrue(c.shutdownHook(), "the JVM shutdown hook drains the client unless turned off");
        assertFalse(SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com").shutdownHook(false)
                .build().shutdownHook());
    }

    @Test
    void refusesLineBreaksAndControlCharactersInSecretsWithoutEchoingThem() {
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> SeeStackConfig.builder(n -> null).apiKey("sk-1\r\nX-Evil: 1").host("https://x.example.com").build());
        assertTrue(key.getMessage().contains("option 'apiKey' contains a control character (U+000D) at position 4"),
                key.getMessage());
        assertFalse(key.getMessage().contains("sk-1"), "the secret is not echoed");
        IllegalArgumentException token = assertThrows(IllegalArgumentException.class,
                () -> SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com")
                        .flagsToken("tok\u0000en").build());
        assertTrue(token.getMessage().contains("option 'flagsToken' contains a control character (U+0000) at position 3"),
                token.getMessage());
        IllegalArgumentException fromEnv = assertThrows(IllegalArgumentException.class,
                () -> SeeStackConfig.builder(n -> n.equals("SEESTACK_API_KEY") ? "a\nb" : null)
                        .host("https://x.example.com").build());
        assertTrue(fromEnv.getMessage().contains("'apiKey'"), fromEnv.getMessage());
        assertEquals("sk-1", SeeStackConfig.builder(n -> null).apiKey("sk-1\n").host("https://x.example.com").build()
                .apiKey(), "a trailing line break (a secret file's last line) is trimmed, not refused");
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
                .bufferSize(-3).bufferBytes(0).flushIntervalMs(0).build();
        assertEquals(10_000, c.bufferSize());
        assertEquals(4L * 1024 * 1024, c.bufferBytes());
        assertEquals(5000, c.flushIntervalMs());
        assertEquals(3, ClientAccess.warnings(c).size());
    }

    @Test
    void keepsAHostPathButDropsTrailingSlashes() {
        SeeStackConfig c = SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com/seestack/")
                .build();
        assertEquals("https://x.example.com/seestack", c.host());
    }

    @Test
    void treatsPlainHttpInProductionAsInsecureButAllowsItElsewhere() {
        assertTrue(refused(SeeStackConfig.builder(n -> null).apiKey("k").host("http://x.example.com")
                .environment("production").build()));
        assertTrue(refused(SeeStackConfig.builder(n -> null).apiKey("k").host("http://x.example.com")
                .environment(" PROD ").build()));
        assertFalse(refused(SeeStackConfig.builder(n -> null).apiKey("k").host("http://x.example.com").build()),
                "no environment configured: nothing to refuse");
        assertFalse(refused(SeeStackConfig.builder(n -> null).apiKey("k").host("http://localhost:7717")
                .environment("development").build()));
        assertFalse(refused(SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com").build()));
    }

    @Test
    void allowsPlainHttpInProductionToALoopbackHostWhereNothingLeavesTheMachine() {
        for (String host : new String[] {"http://localhost:7717", "http://127.0.0.1:8080", "http://127.9.8.7",
                "http://[::1]:7717", "http://LOCALHOST"}) {
            assertFalse(refused(SeeStackConfig.builder(n -> null).apiKey("k").host(host).environment("production").build()), host);
        }
        for (String host : new String[] {"http://127.0.0.1.example.com", "http://128.0.0.1", "http://localhost.evil.com",
                "http://10.0.0.1"}) {
            assertTrue(refused(SeeStackConfig.builder(n -> null).apiKey("k").host(host).environment("prod").build()), host);
        }
    }

    @Test
    void neverPrintsTheApiKey() {
        SeeStackConfig c = SeeStackConfig.builder(n -> null).apiKey("super-secret-key").host("https://x.example.com")
                .flagsToken("flag-token-1").build();
        assertFalse(c.toString().contains("super-secret-key"));
        assertFalse(c.toString().contains("flag-token-1"));
    }

    @Test
    void theDiskSpoolIsOffByDefaultAndTurnedOnBySpoolDirOrSeestackSpoolDir() {
        SeeStackConfig off = SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com").build();
        assertNull(off.spoolDir());
        assertEquals(50L * 1024 * 1024, off.spoolMaxBytes());

        SeeStackConfig fromEnv = SeeStackConfig.builder(n -> n.equals("SEESTACK_SPOOL_DIR") ? " /var/spool/app " : null)
                .apiKey("k").host("https://x.example.com").build();
        assertEquals("/var/spool/app", fromEnv.spoolDir());
        assertTrue(fromEnv.toString().contains("spoolDir=/var/spool/app"), fromEnv.toString());

        SeeStackConfig explicit = SeeStackConfig.builder(n -> n.equals("SEESTACK_SPOOL_DIR") ? "/from/env" : null).apiKey("k").host("https://x.example.com")
                .spoolDir("/from/code").spoolMaxBytes(1_000_000).build();
        assertEquals("/from/code", explicit.spoolDir());
        assertEquals(1_000_000, explicit.spoolMaxBytes());
    }

    @Test
    void aSpoolCapBelowSixtyFourKibFallsBackToTheDefaultWithAWarning() {
        SeeStackConfig c = SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com")
                .spoolMaxBytes(1000).build();
        assertEquals(SeeStackConfig.DEFAULT_SPOOL_MAX_BYTES, c.spoolMaxBytes());
        assertEquals(1, ClientAccess.warnings(c).stream().filter(w -> w.startsWith("spoolMaxBytes must be at least")).count());
    }

    @Test
    void anSslContextTakesPrecedenceOverATrustStoreWhichIsIgnoredWithAWarning() throws Exception {
        SSLContext given = SSLContext.getInstance("TLS");
        SeeStackConfig c = SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com")
                .sslContext(given).trustStore("no/such/store.p12").build();
        assertSame(given, c.sslContext());
        assertEquals(List.of("both sslContext and trustStore are set; using sslContext, ignoring no/such/store.p12"),
                ClientAccess.warnings(c));
    }

    private static boolean refused(SeeStackConfig config) {
        return PlainHttpPolicy.refuses(config.environment(), config.host());
    }
}
