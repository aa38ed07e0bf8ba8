package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every {@code seestack.*} property reaches the one client, which the facade uses too. */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "seestack.environment=staging",
    "seestack.release=2.4.1",
    "seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000aa",
    "seestack.flags-token=flags-secret",
    "seestack.buffer-size=77",
    "seestack.debug=false",
    "seestack.flag-cache-ttl-ms=1234"
})
@DirtiesContext
class PropertiesBindingTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @Autowired
    SeeStackClient client;

    @Test
    void propertiesConfigureTheOneClientBehindTheFacade() {
        SeeStackConfig config = client.config();
        assertEquals(stub.host(), config.host());
        assertEquals(IngestStub.API_KEY, config.apiKey());
        assertEquals("staging", config.environment());
        assertEquals("2.4.1", config.release());
        assertEquals("5f0c6a5e-0000-4000-8000-0000000000aa", config.projectId());
        assertEquals("flags-secret", config.flagsToken());
        assertEquals(200, config.flushIntervalMs());
        assertEquals(77, config.bufferSize());
        assertEquals(1234, config.flagCacheTtlMs());
        assertFalse(config.shutdownHook(), "the starter closes the client itself, at the end of the context");
        assertSame(client, SeeStack.client());
    }

    @Test
    void errorCapturedThroughTheFacadeCarriesEnvironmentAndRelease() {
        SeeStack.captureError(new IllegalArgumentException("coupon expired"));

        JsonNode error = StubBackend.json(stub.awaitBodies(IngestStub.ERRORS, 1).get(0));
        assertEquals("coupon expired", error.get("message").asText());
        assertEquals("staging", error.get("environment").asText());
        assertEquals("2.4.1", error.get("release").asText());
        assertEquals(1, stub.count(IngestStub.ERRORS));
    }
}
