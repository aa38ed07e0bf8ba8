package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.tracing.TracedShopApp;
import dev.seestack.testkit.IngestStub;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Without a tracer: work handed to Boot's executor carries the filter's trace id and the user, and the application's
 * own {@code TaskDecorator} still applies; requests ending in
 * Boot's error page are recorded with the page's status, bytes and duration, and Tomcat's log line of the exception
 * carries the trace id; a {@code ;jsessionid=} path parameter never leaves the process.
 */
@SpringBootTest(classes = {TracedShopApp.class, ErrorPageAndContextTest.TestSetup.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000aa")
@DirtiesContext
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ErrorPageAndContextTest {
    static final long ERROR_PAGE_MS = 300;
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    /** An error page that takes its time, and the stand-in for Spring Security naming the user. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestSetup {
        @Bean
        WebMvcConfigurer slowErrorPage() {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new HandlerInterceptor() {
                        @Override
                        public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                                Object handler) throws InterruptedException {
                            if (request.getDispatcherType() == DispatcherType.ERROR) {
                                Thread.sleep(ERROR_PAGE_MS); // the page's rendering time, which the item includes
                            }
                            return true;
                        }
                    });
                }
            };
        }

        /** The application's own decorator, which must still apply beside the SDK's. */
        @Bean
        TaskDecorator tenantDecorator() {
            return task -> () -> {
                org.slf4j.MDC.put("tenant", "acme");
                try {
                    task.run();
                } finally {
                    org.slf4j.MDC.remove("tenant");
                }
            };
        }

        @Bean
        Filter fakeLogin() {
            return new ServletWebTest.LoginFilter();
        }
    }

    @Autowired
    SeeStackClient client;
    @Value("${local.server.port}")
    int port;

    @Test
    void logsOfAsyncWorkCarryTheRequestsTraceIdAndUserAndTheApplicationsDecoratorStillApplies() {
        HttpResponse<String> response = StubBackend.get(port, "/orders", "X-Request-ID", "req-orders-1",
                "X-Test-User", "user-5");
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("http-nio"), "the work ran on the executor: " + response.body());
        client.flush();

        assertEquals("req-orders-1", Received.item(stub, "/orders").get("traceId").asText());
        for (String message : new String[] {"order placed", "confirmation mailed", "stock reserved"}) {
            JsonNode log = Received.log(stub, message);
            assertEquals("req-orders-1", log.get("traceId").asText(), message);
            assertEquals("user-5", log.get("metadata").get("userId").asText(), message);
        }
        for (String message : new String[] {"confirmation mailed", "stock reserved"}) {
            assertEquals("acme", Received.log(stub, message).get("metadata").get("tenant").asText(), message);
        }
    }

    @Test
    void aFailureEndingInBootsErrorPageIsRecordedWithThePagesStatusBytesAndDuration() {
        HttpResponse<String> response = StubBackend.get(port, "/oups", "X-Request-ID", "req-oups-1",
                "X-Test-User", "user-6");
        assertEquals(500, response.statusCode());
        client.flush();

        JsonNode item = Received.errorPageItem(stub, "/oups", "req-oups-1", response);
        assertTrue(item.get("durationMs").asLong() >= ERROR_PAGE_MS, item.toString());
        assertEquals("user-6", item.get("userId").asText());
        assertTrue(Received.errors(stub, "kitchen on fire").stream()
                .anyMatch(e -> "req-oups-1".equals(e.get("metadata").path("traceId").asText())));
    }

    @Test
    void tomcatsOwnLogLineOfTheUnhandledExceptionCarriesTheTraceId() {
        assertEquals(500, StubBackend.get(port, "/oups?tomcat", "X-Request-ID", "req-oups-2").statusCode());
        client.flush();

        JsonNode tomcatLine = Received.log(stub, "Servlet.service() for servlet [dispatcherServlet] in context with"
                + " path [] threw exception [Request processing failed: java.lang.IllegalStateException: kitchen on"
                + " fire] with root cause");
        assertEquals("req-oups-2", tomcatLine.get("traceId").asText());
    }

    @Test
    void anUnknownPageIsRecordedWithTheErrorPagesStatusAndBytes() {
        HttpResponse<String> response = StubBackend.get(port, "/no-such-page");
        assertEquals(404, response.statusCode());
        client.flush();

        JsonNode item = Received.errorPageItem(stub, "/no-such-page", response);
        assertTrue(item.get("durationMs").asLong() >= ERROR_PAGE_MS, item.toString());
    }

    @Test
    void aSessionIdPathParameterIsFilteredFromThePath() {
        assertEquals(200, StubBackend.get(port, "/owners/11;jsessionid=FFFE0A1B2C3D4E5F").statusCode());
        client.flush();

        assertEquals(200, Received.item(stub, "/owners/11;jsessionid=[FILTERED]").get("statusCode").asInt());
        assertFalse(String.join("", stub.bodies(IngestStub.HTTP_REQUESTS)).contains("FFFE0A1B2C3D4E5F"));
    }
}
