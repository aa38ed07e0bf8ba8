package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.testkit.IngestStub;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.net.http.HttpResponse;
import dev.seestack.spring.boot.tracing.TracedShopApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Micrometer Tracing (Brave or OpenTelemetry bridge, one per subclass and surefire execution): the trace id the
 * tracer reports for a request is the one on its logs (also of its {@code @Async} and executor work), its error and
 * its inbound item; the SDK's own {@code X-Request-ID} rule does not apply, and calls through Boot's {@code RestClient}
 * and {@code WebClient} carry the tracer's {@code traceparent} only. Tracing is switched on in the Boot test
 * ({@code spring.test.observability.auto-configure}: Boot 3 turns it off in tests) and samples every request.
 */
@SpringBootTest(classes = {TracedShopApp.class, TracerTraceIdTests.TracerProbe.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000aa",
            "spring.test.observability.auto-configure=true", "management.tracing.sampling.probability=1.0"})
@DirtiesContext
abstract class TracerTraceIdTests {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();
    static final String TRACER_HEADER = "X-Tracer-Trace-Id";

    /** Reports the tracer's trace id of each request in a response header, from inside the filter chain. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TracerProbe {
        @Bean
        Filter tracerProbe(ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
            return new ProbeFilter(tracer);
        }
    }

    static final class ProbeFilter implements Filter, Ordered {
        private final ObjectProvider<io.micrometer.tracing.Tracer> tracer;

        ProbeFilter(ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
            this.tracer = tracer;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            io.micrometer.tracing.Span span = tracer.getObject().currentSpan();
            if (span != null) {
                ((HttpServletResponse) response).setHeader(TRACER_HEADER, span.context().traceId());
            }
            chain.doFilter(request, response);
        }

        @Override
        public int getOrder() {
            return 0;
        }
    }

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @Autowired
    SeeStackClient client;
    @Value("${local.server.port}")
    int port;

    @Test
    void theRequestsLogsIncludingAsyncWorkAndItsItemCarryTheTracersTraceId() {
        HttpResponse<String> response = StubBackend.get(port, "/orders", "X-Request-ID", "sdk-would-take-this");
        assertEquals(200, response.statusCode());
        String tracerId = tracerId(response);
        client.flush();

        assertEquals(tracerId, Received.item(stub, "/orders").get("traceId").asText());
        for (String message : new String[] {"order placed", "confirmation mailed", "stock reserved"}) {
            assertEquals(tracerId, Received.log(stub, message).get("traceId").asText(), message);
        }
    }

    @Test
    void theRequestsErrorAndItsErrorPageItemCarryTheTracersTraceId() {
        HttpResponse<String> response = StubBackend.get(port, "/oups");
        assertEquals(500, response.statusCode());
        String tracerId = tracerId(response);
        client.flush();

        JsonNode item = Received.item(stub, "/oups", tracerId);
        assertEquals(500, item.get("statusCode").asInt());
        assertTrue(Received.errors(stub, "kitchen on fire").stream()
                .anyMatch(e -> tracerId.equals(e.get("metadata").path("traceId").asText())));
    }

    @Test
    @Timeout(60)
    void callsThroughBootsRestClientAndWebClientCarryOnlyTheTracersTraceparent() throws IOException {
        Map<String, List<String>> traceparents = new ConcurrentHashMap<>();
        HttpServer partner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        partner.createContext("/", exchange -> {
            List<String> received = exchange.getRequestHeaders().get("traceparent");
            traceparents.put(exchange.getRequestURI().getPath(), received == null ? List.of() : received);
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
        try {
            String url = "http://127.0.0.1:" + partner.getAddress().getPort();
            HttpResponse<String> response = StubBackend.get(port, "/orders/notify?partner=" + url);
            assertEquals(200, response.statusCode(), response.body());
            String tracerId = tracerId(response);

            for (String path : new String[] {"/rest", "/web"}) {
                List<String> received = traceparents.get(path);
                assertEquals(1, received.size(), path + ": " + received);
                assertEquals(tracerId, received.get(0).split("-")[1], path + ": " + received);
            }
        } finally {
            partner.stop(0);
        }
    }

    /** The tracer's trace id the probe reported for {@code response}, never the request's {@code X-Request-ID}. */
    static String tracerId(HttpResponse<String> response) {
        String id = response.headers().firstValue(TRACER_HEADER).orElse(null);
        assertNotNull(id, "the tracer had a span for the request");
        assertNotEquals("sdk-would-take-this", id);
        return id;
    }
}
