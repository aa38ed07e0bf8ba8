package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.tracing.TracedShopApp;
import dev.seestack.testkit.IngestStub;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boot on Jetty 12 ({@code spring-boot-starter-jetty}, run in its own surefire execution without Tomcat), which
 * renders Boot's error page after the request's listener cycle: requests ending in the error page are recorded
 * with the page's status, the bytes the client received and a duration that includes the page's rendering, as on
 * Tomcat ({@link ErrorPageAndContextTest}, whose slow error page this test reuses).
 */
@SpringBootTest(classes = {TracedShopApp.class, ErrorPageAndContextTest.TestSetup.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000aa")
@DirtiesContext
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JettyErrorPageTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @Autowired
    SeeStackClient client;
    @Autowired
    ApplicationContext context;
    @Value("${local.server.port}")
    int port;

    @Test
    void theApplicationRunsOnJetty() throws ReflectiveOperationException {
        // WebServerApplicationContext moved packages between Boot 3 and 4: its getWebServer() is reached by name
        Object webServer = context.getClass().getMethod("getWebServer").invoke(context);
        String name = webServer.getClass().getSimpleName(); // Boot 3.5: JettyWebServer, 4.0: JettyServletWebServer
        assertTrue(name.startsWith("Jetty"), name);
    }

    @Test
    void aFailureEndingInBootsErrorPageIsRecordedWithThePagesStatusBytesAndDuration() {
        HttpResponse<String> response = StubBackend.get(port, "/oups", "X-Request-ID", "req-jetty-oups-1",
                "X-Test-User", "user-7");
        assertEquals(500, response.statusCode());
        client.flush();

        JsonNode item = Received.errorPageItem(stub, "/oups", "req-jetty-oups-1", response);
        assertTrue(item.get("durationMs").asLong() >= ErrorPageAndContextTest.ERROR_PAGE_MS, item.toString());
        assertEquals("user-7", item.get("userId").asText());
        assertEquals(1, Received.items(stub, "/oups").size(), "recorded once");
        assertTrue(Received.errors(stub, "kitchen on fire").stream()
                .anyMatch(e -> "req-jetty-oups-1".equals(e.get("metadata").path("traceId").asText())));
    }

    @Test
    void anUnknownPageIsRecordedWithTheErrorPagesStatusBytesAndDuration() {
        HttpResponse<String> response = StubBackend.get(port, "/no-such-page", "X-Request-ID", "req-jetty-404-1");
        assertEquals(404, response.statusCode());
        client.flush();

        JsonNode item = Received.errorPageItem(stub, "/no-such-page", "req-jetty-404-1", response);
        assertTrue(item.get("durationMs").asLong() >= ErrorPageAndContextTest.ERROR_PAGE_MS, item.toString());
        assertEquals(1, Received.items(stub, "/no-such-page").size(), "recorded once");
    }
}
