package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The servlet filter is registered by itself; the authenticated principal becomes the request's user; an
 * unhandled controller exception arrives once, with the request's trace id and user.
 */
@SpringBootTest(classes = {ShopApp.class, ServletWebTest.FakeLogin.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000aa")
@DirtiesContext
class ServletWebTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    /** Stands for Spring Security: authenticates every request carrying {@code X-Test-User}, before our filter. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FakeLogin {
        @Bean
        Filter fakeLogin() {
            return new LoginFilter();
        }
    }

    static final class LoginFilter implements Filter, Ordered {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            String user = http.getHeader("X-Test-User");
            chain.doFilter(user == null ? request : new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> user;
                }
            }, response);
        }

        @Override
        public int getOrder() {
            return -100; // where Spring Security's filter chain runs
        }
    }

    @Autowired
    SeeStackClient client;
    @Value("${local.server.port}")
    int port;

    @Test
    void requestIsRecordedWithTheUserAndItsLogsCarryTheTraceIdAndUser() {
        assertEquals(200, StubBackend.get(port, "/checkout?coupon=secret", "X-Test-User", "user-42").statusCode());
        client.flush();

        JsonNode item = awaitItem("/checkout");
        assertEquals("GET", item.get("method").asText());
        assertEquals(200, item.get("statusCode").asInt());
        assertEquals("user-42", item.get("userId").asText());
        JsonNode log = StubBackend.logsWithMessage(stub, "checkout handled").get(0);
        assertEquals(item.get("traceId").asText(), log.get("traceId").asText());
        assertEquals("user-42", log.get("metadata").get("userId").asText());
    }

    @Test
    void requestKeepsItsUserWhenTheApplicationClearsTheMdcBeforeTheEnd() {
        assertEquals(200, StubBackend.get(port, "/logout", "X-Test-User", "user-9").statusCode());
        client.flush();

        assertEquals("user-9", awaitItem("/logout").get("userId").asText());
    }

    @Test
    void unhandledControllerExceptionArrivesOnceWithTheRequestsTraceIdAndUser() {
        assertEquals(500, StubBackend.get(port, "/boom", "X-Test-User", "user-7",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").statusCode());
        client.flush();

        JsonNode item = awaitItem("/boom");
        assertEquals(500, item.get("statusCode").asInt());
        assertEquals("user-7", item.get("userId").asText());
        List<JsonNode> errors = errorsWithMessage("payment backend refused");
        assertEquals(1, errors.size(), errors.toString());
        JsonNode error = errors.get(0);
        assertEquals("java.lang.IllegalStateException", error.get("exceptionClass").asText());
        assertEquals(item.get("traceId").asText(), error.get("metadata").get("traceId").asText());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", error.get("metadata").get("traceId").asText());
        assertEquals("user-7", error.get("user").get("id").asText());
        assertFalse(StubBackend.json(stub.bodies(IngestStub.ERRORS)).stream()
                .anyMatch(e -> e.get("message").asText().contains("Request processing failed")),
                "the container's log of the wrapped exception is not a second error");
    }

    private static JsonNode awaitItem(String path) {
        return PollUntil.awaitValue(java.time.Duration.ofSeconds(15), () -> items(path), l -> !l.isEmpty()).get(0);
    }

    private static List<JsonNode> items(String path) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode batch : StubBackend.json(stub.bodies(IngestStub.HTTP_REQUESTS))) {
            for (JsonNode item : batch.get("requests")) {
                if (path.equals(item.get("path").asText())) {
                    found.add(item);
                }
            }
        }
        return found;
    }

    private static List<JsonNode> errorsWithMessage(String message) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : StubBackend.json(stub.bodies(IngestStub.ERRORS))) {
            if (e.get("message").asText().contains(message)) {
                found.add(e);
            }
        }
        return found;
    }
}
