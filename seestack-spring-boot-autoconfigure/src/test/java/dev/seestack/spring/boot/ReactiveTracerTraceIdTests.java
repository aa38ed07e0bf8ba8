package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.reactive.ReactiveShopApp;
import dev.seestack.testkit.IngestStub;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * WebFlux with Micrometer Tracing (Brave or OpenTelemetry bridge, one per subclass and surefire execution): the trace
 * id of the request's server observation is the one on its inbound item and its escaped error, whatever
 * {@code X-Request-ID} says, with Boot's default Reactor context propagation ({@code limited}); with
 * {@code spring.reactor.context-propagation=auto} (the Brave subclass) also on its log, written on another thread.
 */
@SpringBootTest(classes = {ReactiveShopApp.class, ReactiveTracerTraceIdTests.TracerProbe.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=reactive",
            "seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000cc",
            "spring.test.observability.auto-configure=true", "management.tracing.sampling.probability=1.0"})
@DirtiesContext
abstract class ReactiveTracerTraceIdTests {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    /** Reports the trace id of the request's server observation in a response header, as {@link TracerTraceIdTests}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TracerProbe {
        @Bean
        WebFilter tracerProbe() {
            return new ProbeFilter();
        }
    }

    static final class ProbeFilter implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .map(context -> context.<TracingContext>get(TracingContext.class))
                    .map(TracingContext::getSpan)
                    .ifPresent(span -> exchange.getResponse().getHeaders().set(TracerTraceIdTests.TRACER_HEADER,
                            span.context().traceId()));
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
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

    @Value("${spring.reactor.context-propagation:limited}")
    String contextPropagation;

    @Test
    void theRequestsItemCarriesTheTracersTraceIdAndItsLogTooWhereTheContextPropagates() {
        HttpResponse<String> response = StubBackend.get(port, "/reactive/checkout", "X-Request-ID",
                "sdk-would-take-this");
        assertEquals(200, response.statusCode());
        String tracerId = TracerTraceIdTests.tracerId(response);
        client.flush();

        assertEquals(tracerId, Received.item(stub, "/reactive/checkout").get("traceId").asText());
        if ("auto".equals(contextPropagation)) {
            assertEquals(tracerId, Received.log(stub, "reactive checkout handled").get("traceId").asText());
        }
    }

    @Test
    void theEscapedErrorAndItsErrorPageItemCarryTheTracersTraceId() {
        HttpResponse<String> response = StubBackend.get(port, "/reactive/boom");
        assertEquals(500, response.statusCode());
        String tracerId = TracerTraceIdTests.tracerId(response);
        client.flush();

        Received.errorPageItem(stub, "/reactive/boom", tracerId, response);
        assertTrue(Received.errors(stub, "reactive payment backend refused").stream()
                .anyMatch(e -> tracerId.equals(e.get("metadata").path("traceId").asText())));
    }
}
