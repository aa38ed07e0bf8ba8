package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.DelayProxy;
import dev.seestack.testkit.ForwardProxy;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.OfferedLoad;
import dev.seestack.testkit.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Boot application as production runs it: its logs go over https (a private CA in {@code seestack.trust-store})
 * through a forward proxy ({@code seestack.proxy}, a CONNECT tunnel) to a backend 50 ms away. A steady stream of
 * SLF4J logs arrives whole, without drops (counts asserted, not time; a first second warms the JIT up).
 */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"seestack.service=shop", "seestack.logging.minimum-log-level=INFO"})
@DirtiesContext
@Timeout(120)
class DistantBackendTest {
    static final IngestStub backend = IngestStub.startHttps(TestCertificates.get().serverKeyStore());
    static final DelayProxy far = DelayProxy.to("127.0.0.1", port(backend.host()), 50);
    static final ForwardProxy proxy = ForwardProxy.open();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("seestack.api-key", () -> IngestStub.API_KEY);
        registry.add("seestack.host", () -> "https://localhost:" + far.port());
        registry.add("seestack.proxy", () -> "http://127.0.0.1:" + proxy.port());
        registry.add("seestack.trust-store", () -> TestCertificates.get().trustStore().toString());
        registry.add("seestack.trust-store-password", () -> TestCertificates.PASSWORD);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        far.close();
        backend.close();
    }

    @Autowired
    SeeStackClient client;

    @Test
    void fiveHundredLogsPerSecondOverHttpsThroughAProxyToABackend50msAwayAllArrive() {
        Logger log = LoggerFactory.getLogger("com.shop.Orders");
        int perSecond = 500;
        int seconds = 3;
        offer(log, perSecond, 1, "warm-up ");
        assertTrue(client.flush(Duration.ofSeconds(60)), client.stats().toString());
        FeatureStats warm = client.stats().logs();

        offer(log, perSecond, seconds, "distant ");
        assertTrue(client.flush(Duration.ofSeconds(60)), client.stats().toString());
        FeatureStats logs = client.stats().logs();
        // the application's own INFO lines (Spring, the stub's server) may be captured too: counted, not asserted
        assertTrue(logs.captured() - warm.captured() >= perSecond * seconds, logs.toString());
        assertEquals(0, logs.droppedBufferFull() - warm.droppedBufferFull(), logs.toString());
        assertEquals(logs.captured() - warm.captured(), logs.sent() - warm.sent(), logs.toString());
        long arrived = StubBackend.json(backend.bodies(IngestStub.LOGS)).stream()
                .filter(l -> l.path("message").asText().startsWith("order distant ")).count();
        assertEquals(perSecond * seconds, arrived);
        assertTrue(proxy.tunnels() > 0, "through the proxy's CONNECT tunnels");
        backend.assertAllBodiesValid();
    }

    /** Logs {@code perSecond} INFO lines a second for {@code seconds}, at a steady rate as a busy service does. */
    private static void offer(Logger log, int perSecond, int seconds, String prefix) {
        OfferedLoad.run(perSecond, Duration.ofSeconds(seconds), i -> log.info("order {} placed", prefix + i));
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
