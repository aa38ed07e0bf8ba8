package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.reactive.ReactiveShopApp;
import dev.seestack.testkit.IngestStub;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WebFlux requests ending in Boot's error handler are recorded with the page it wrote: status and bytes; the
 * escaped error carries {@code spring.application.name} as its service.
 */
@SpringBootTest(classes = ReactiveShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=reactive", "spring.application.name=reactive-shop",
                "seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000bb"})
@DirtiesContext
class ReactiveErrorPageTest {
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
    void aFailureIsRecordedWithTheErrorHandlersStatusAndBytes() {
        HttpResponse<String> response = StubBackend.get(port, "/reactive/boom");
        assertEquals(500, response.statusCode());
        client.flush();

        Received.errorPageItem(stub, "/reactive/boom", response);
    }

    @Test
    void theEscapedErrorCarriesTheApplicationName() {
        assertEquals(500, StubBackend.get(port, "/reactive/boom").statusCode());
        client.flush();

        assertEquals("reactive-shop", Received.errors(stub, "reactive payment backend refused").get(0)
                .path("metadata").path("service").asText());
    }

    @Test
    void anUnknownPageIsRecordedWithTheErrorHandlersStatusAndBytes() {
        HttpResponse<String> response = StubBackend.get(port, "/reactive/no-such-page");
        assertEquals(404, response.statusCode());
        client.flush();

        Received.errorPageItem(stub, "/reactive/no-such-page", response);
    }
}
