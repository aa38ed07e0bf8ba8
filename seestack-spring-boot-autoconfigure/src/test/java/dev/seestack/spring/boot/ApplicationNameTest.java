package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without {@code seestack.service}, logs and errors carry {@code spring.application.name} (errors captured with the
 * facade too, inside a request or not); an MDC service wins.
 */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=shop-app")
@DirtiesContext
class ApplicationNameTest {
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
    void logsCarryTheApplicationNameUnlessTheMdcNamesAService() {
        org.slf4j.Logger log = LoggerFactory.getLogger("com.shop.Inventory");
        log.info("restocked sku A-17");
        MDC.put("service", "billing");
        try {
            log.info("invoice sent");
        } finally {
            MDC.remove("service");
        }
        client.flush();

        PollUntil.await("both logs", () -> StubBackend.logsWithMessage(stub, "restocked sku A-17").size()
                + StubBackend.logsWithMessage(stub, "invoice sent").size() == 2);
        assertEquals("shop-app", StubBackend.logsWithMessage(stub, "restocked sku A-17").get(0).get("service").asText());
        assertEquals("billing", StubBackend.logsWithMessage(stub, "invoice sent").get(0).get("service").asText());
    }

    @Test
    void anUnhandledControllerExceptionCarriesTheApplicationName() {
        assertEquals(500, StubBackend.get(port, "/boom").statusCode());
        client.flush();

        List<JsonNode> errors = PollUntil.awaitValue(java.time.Duration.ofSeconds(10), ApplicationNameTest::boomErrors,
                e -> !e.isEmpty());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("shop-app", errors.get(0).path("metadata").path("service").asText());
    }

    @Test
    void anErrorCapturedWithTheFacadeInsideOrOutsideARequestCarriesTheApplicationName() {
        assertEquals(200, StubBackend.get(port, "/refund").statusCode());
        SeeStack.captureError(new IllegalStateException("nightly export failed"));
        client.flush();

        assertEquals("shop-app", Received.errors(stub, "refund gateway timed out").get(0)
                .path("metadata").path("service").asText());
        assertEquals("shop-app", Received.errors(stub, "nightly export failed").get(0)
                .path("metadata").path("service").asText());
    }

    @Test
    void aLoggedErrorCarriesTheMdcServiceOverTheApplicationName() {
        MDC.put("service", "billing");
        try {
            LoggerFactory.getLogger("com.shop.Billing").error("invoice failed",
                    new IllegalStateException("ledger locked"));
        } finally {
            MDC.remove("service");
        }
        client.flush();

        assertEquals("billing", Received.errors(stub, "ledger locked").get(0)
                .path("metadata").path("service").asText());
        assertEquals("billing", Received.log(stub, "invoice failed").get("service").asText());
    }

    private static List<JsonNode> boomErrors() {
        return StubBackend.json(stub.bodies(IngestStub.ERRORS)).stream()
                .filter(e -> "payment backend refused".equals(e.path("message").asText())).collect(Collectors.toList());
    }
}
