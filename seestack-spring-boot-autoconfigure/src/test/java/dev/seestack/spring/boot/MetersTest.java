package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The client's stats are Micrometer meters in the application's registry. */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seestack.logging.enabled=false")
@DirtiesContext
class MetersTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @Autowired
    MeterRegistry registry;
    @Autowired
    SeeStackClient client;

    @Test
    void eventsAreCountedByFeatureAndOutcome() {
        client.captureLog("info", "counted once", null);
        client.captureLog("info", " ", null);
        client.flush();

        PollUntil.await("the log sent", () -> count("logs", "sent") == 1.0);
        assertEquals(2.0, count("logs", "captured"));
        assertEquals(1.0, count("logs", "rejected"));
        assertEquals(0.0, registry.get("seestack.buffer.pending").tag("feature", "logs").gauge().value());
        assertEquals(1.0, registry.get("seestack.enabled").gauge().value());
    }

    private double count(String feature, String outcome) {
        return registry.get("seestack.events").tag("feature", feature).tag("outcome", outcome).functionCounter()
                .count();
    }
}
