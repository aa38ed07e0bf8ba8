package dev.seestack.spring.boot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The actuator health shows the SDK UP, and DOWN with the reason once a 401 disabled it. */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.health.show-details=always", "seestack.logging.enabled=false"})
@DirtiesContext
class HealthTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @Autowired
    SeeStackClient client;
    @Value("${local.server.port}")
    int port;

    @Test
    void healthIsUpThenDownWithTheReasonAfterA401() {
        assertEquals("UP", seeStackHealth().get("status").asText());

        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).willReturn(aResponse().withStatus(401)));
        client.captureLog("info", "answered 401", null);
        client.flush();
        PollUntil.await("the 401 disabling the SDK", () -> !client.isEnabled());

        JsonNode health = seeStackHealth();
        assertEquals("DOWN", health.get("status").asText());
        assertTrue(health.get("details").get("reason").asText().contains("401"), health.toString());
    }

    private JsonNode seeStackHealth() {
        HttpResponse<String> response = StubBackend.get(port, "/actuator/health");
        return StubBackend.json(response.body()).get("components").get("seeStack");
    }
}
