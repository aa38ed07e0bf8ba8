package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/** Calls through Boot's {@code RestClient.Builder} and {@code WebClient.Builder} and a {@code RestTemplate} bean are recorded. */
@SpringBootTest(classes = {ShopApp.class, OutboundTest.Clients.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000aa")
@DirtiesContext
class OutboundTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clients {
        @Bean
        RestTemplate restTemplate() {
            return new RestTemplate();
        }
    }

    @Autowired
    RestClient.Builder restClients;
    @Autowired
    RestTemplate restTemplate;
    @Autowired
    WebClient.Builder webClients;
    @Autowired
    SeeStackClient client;
    @Value("${local.server.port}")
    int port;

    @Test
    void restClientCallIsAnOutboundItemCarryingTheCurrentTraceId() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (SeeStackContext.Scope scope = SeeStackContext.with(traceId, null, null)) {
            assertEquals("42", restClients.build().get().uri("http://127.0.0.1:" + port + "/stock?sku=A-17")
                    .retrieve().body(String.class));
        }
        client.flush();

        JsonNode outbound = awaitItem("outbound", "/stock");
        assertEquals(traceId, outbound.get("traceId").asText());
        assertEquals("GET", outbound.get("method").asText());
        assertEquals("127.0.0.1:" + port, outbound.get("host").asText());
        assertEquals(200, outbound.get("statusCode").asInt());
        assertEquals(traceId, awaitItem("inbound", "/stock").get("traceId").asText(),
                "the called application (itself here) continues the caller's trace");
    }

    @Test
    void webClientCallIsAnOutboundItemCarryingTheCurrentTraceId() {
        String traceId = "1bf7651916cd43dd8448eb211c80319d";
        try (SeeStackContext.Scope scope = SeeStackContext.with(traceId, null, null)) {
            assertEquals("ok", webClients.build().get().uri("http://127.0.0.1:" + port + "/checkout")
                    .retrieve().bodyToMono(String.class).block(java.time.Duration.ofSeconds(10)));
        }
        client.flush();

        JsonNode outbound = awaitItem("outbound", "/checkout");
        assertEquals(traceId, outbound.get("traceId").asText());
        assertEquals(200, outbound.get("statusCode").asInt());
        assertEquals(traceId, awaitItem("inbound", "/checkout").get("traceId").asText());
    }

    @Test
    void restTemplateBeanCallIsAnOutboundItem() {
        assertEquals("bye", restTemplate.getForObject("http://127.0.0.1:" + port + "/logout", String.class));
        client.flush();

        assertEquals(200, awaitItem("outbound", "/logout").get("statusCode").asInt());
    }

    private static JsonNode awaitItem(String direction, String path) {
        return PollUntil.awaitValue(java.time.Duration.ofSeconds(15), () -> items(direction, path),
                l -> !l.isEmpty()).get(0);
    }

    private static List<JsonNode> items(String direction, String path) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode batch : StubBackend.json(stub.bodies(IngestStub.HTTP_REQUESTS))) {
            for (JsonNode item : batch.get("requests")) {
                if (direction.equals(item.get("direction").asText()) && path.equals(item.get("path").asText())) {
                    found.add(item);
                }
            }
        }
        return found;
    }
}
