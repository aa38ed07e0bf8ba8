package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.reactive.ReactiveShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Duration;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * A WebFlux application gets the servlet integration's behaviour through the starter's {@code WebFilter}: inbound
 * items with the authenticated user, the trace id in the MDC of its logs (Reactor context propagation), and an
 * unhandled exception once as an error with the request's trace id and user.
 */
@SpringBootTest(classes = {ReactiveShopApp.class, ReactiveWebTest.FakeLogin.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=reactive", "spring.reactor.context-propagation=auto",
                "seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000bb"})
@DirtiesContext
class ReactiveWebTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    /** Stands for Spring Security: a principal for every request carrying {@code X-Test-User}, before our filter. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FakeLogin {
        @Bean
        WebFilter fakeLogin() {
            return new LoginFilter();
        }
    }

    static final class LoginFilter implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange,
                org.springframework.web.server.WebFilterChain chain) {
            String user = exchange.getRequest().getHeaders().getFirst("X-Test-User");
            if (user == null) {
                return chain.filter(exchange);
            }
            Principal principal = () -> user;
            return chain.filter(exchange.mutate().principal(Mono.just(principal)).build());
        }

        @Override
        public int getOrder() {
            return -100; // where Spring Security's WebFilterChainProxy runs
        }
    }

    @Autowired
    SeeStackClient client;
    @Value("${local.server.port}")
    int port;

    @Test
    void requestIsRecordedWithTheUserAndItsLogsCarryTheTraceIdAndUser() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/reactive/checkout?coupon=secret"))
                .header("X-Test-User", "user-42").header("traceparent", TRACEPARENT));
        assertEquals(200, response.statusCode());
        client.flush();

        ObjectNode item = withoutTiming(awaitItem("/reactive/checkout"));
        assertEquals(StubBackend.json("{\"traceId\":\"" + TRACE_ID + "\",\"direction\":\"inbound\",\"method\":\"GET\","
                + "\"host\":\"127.0.0.1:" + port + "\",\"path\":\"/reactive/checkout\",\"statusCode\":200,"
                + "\"requestSize\":0,\"responseSize\":2,\"userId\":\"user-42\"}"), item);
        JsonNode log = PollUntil.awaitValue(Duration.ofSeconds(15),
                () -> StubBackend.logsWithMessage(stub, "reactive checkout handled"), l -> !l.isEmpty()).get(0);
        assertEquals(TRACE_ID, log.get("traceId").asText());
        assertEquals("user-42", log.get("metadata").get("userId").asText());
    }

    @Test
    void requestWithoutTraceHeadersGetsAGeneratedTraceIdAndItsBodySizes() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/reactive/orders"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("three-eggs")));
        assertEquals("order:three-eggs", response.body());
        client.flush();

        JsonNode item = awaitItem("/reactive/orders");
        assertTrue(item.get("traceId").asText().matches("[0-9a-f]{32}"), item.toString());
        assertEquals("POST", item.get("method").asText());
        assertEquals(10, item.get("requestSize").asLong());
        assertEquals(16, item.get("responseSize").asLong());
        assertTrue(item.path("userId").isMissingNode(), item.toString());
    }

    @Test
    void unhandledExceptionArrivesOnceWithTheRequestsTraceIdAndUser() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/reactive/boom"))
                .header("X-Test-User", "user-7").header("traceparent", TRACEPARENT));
        assertEquals(500, response.statusCode());
        client.flush();

        JsonNode item = awaitItem("/reactive/boom");
        assertEquals(500, item.get("statusCode").asInt());
        assertEquals("user-7", item.get("userId").asText());
        assertEquals(TRACE_ID, item.get("traceId").asText());
        List<JsonNode> errors = PollUntil.awaitValue(Duration.ofSeconds(15),
                () -> errorsWithMessage("reactive payment backend refused"), l -> !l.isEmpty());
        JsonNode error = errors.get(0);
        assertEquals("java.lang.IllegalStateException", error.get("exceptionClass").asText());
        assertEquals(TRACE_ID, error.get("metadata").get("traceId").asText());
        assertEquals("GET /reactive/boom", error.get("metadata").get("request").asText());
        assertEquals("user-7", error.get("user").get("id").asText());
        // Boot's error handler logs the same exception at ERROR after the filter: that is no second error
        PollUntil.awaitValue(Duration.ofSeconds(15), () -> StubBackend.json(stub.bodies(IngestStub.LOGS)).stream()
                .anyMatch(l -> l.path("message").asText().contains("/reactive/boom")), found -> found);
        client.flush();
        assertEquals(1, errorsWithMessage("reactive payment backend refused").size());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode withoutTiming(JsonNode item) {
        ObjectNode copy = item.deepCopy();
        assertTrue(copy.remove("durationMs").asLong() >= 0);
        assertTrue(copy.remove("timestamp").isTextual());
        return copy;
    }

    private static JsonNode awaitItem(String path) {
        return PollUntil.awaitValue(Duration.ofSeconds(15), () -> items(path), l -> !l.isEmpty()).get(0);
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
