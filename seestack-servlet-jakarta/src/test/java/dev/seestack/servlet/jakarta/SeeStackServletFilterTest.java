package dev.seestack.servlet.jakarta;

import static dev.seestack.FeatureFixtures.items;
import static dev.seestack.FeatureFixtures.object;
import static dev.seestack.FeatureFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.FeatureFixtures;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackContext;
import dev.seestack.StubbedClient;
import dev.seestack.testkit.IngestStub;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

/**
 * The servlet filter inside a real embedded Jetty 12 container, shipping to an ingest stub: seestack-servlet-jakarta
 * runs it in Jetty's ee10 environment, seestack-servlet-javax (which builds this source) in ee8.
 */
class SeeStackServletFilterTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);

    private final AtomicReference<String> mdcTraceIdInHandler = new AtomicReference<>();
    private final AtomicReference<String> contextTraceIdInHandler = new AtomicReference<>();
    private final AtomicReference<Throwable> escaped = new AtomicReference<>();
    private final AtomicReference<String> escapedMdcTraceId = new AtomicReference<>();
    private final IllegalStateException failure = new IllegalStateException("order store down");
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(outerFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new SeeStackServletFilter(sdk.client())), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new OrdersServlet()), "/orders");
        context.addServlet(new ServletHolder(new FailingServlet()), "/boom");
        context.addServlet(new ServletHolder(new LoggingThenWrappingServlet()), "/logged");
        context.addServlet(new ServletHolder(new UploadServlet()), "/upload");
        server.setHandler(context);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void recordsInboundRequestWithPathButNeverQueryStringOrHeaders() throws Exception {
        HttpResponse<String> response = get("/orders?token=q-s3cr3t", "Authorization", "secret-xyz", "Cookie", "sid=cookie-val");
        assertEquals(200, response.statusCode());

        sdk.client().flush();
        String body = stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0);
        stub.assertAllBodiesValid();
        assertEquals(FeatureFixtures.PROJECT_ID, object(body).get("projectId"));
        Map<String, Object> item = items(body).get(0);
        assertEquals("inbound", item.get("direction"));
        assertEquals("GET", item.get("method"));
        assertEquals("127.0.0.1:" + port, item.get("host"));
        assertEquals("/orders", item.get("path"));
        assertEquals("200", text(item, "statusCode"));
        assertEquals("8", text(item, "responseSize")); // "order-42"
        assertEquals("0", text(item, "requestSize"));
        assertFalse(body.contains("token"), body);
        assertFalse(body.contains("q-s3cr3t"), body); // not hex: a generated trace id can never contain it
        assertFalse(body.contains("secret-xyz"), body);
        assertFalse(body.contains("cookie-val"), body);
    }

    @Test
    void logsWrittenInsideTheHandlerCarryTheTraceparentTraceId() throws Exception {
        get("/orders", "traceparent", TRACEPARENT);

        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", mdcTraceIdInHandler.get());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", contextTraceIdInHandler.get());
        sdk.client().flush();
        Map<String, Object> log = object(stub.awaitBodies(IngestStub.LOGS, 1).get(0));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", log.get("traceId"));
        Map<String, Object> item = items(stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0)).get(0);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", item.get("traceId"));
        stub.assertAllBodiesValid();
    }

    @Test
    void usesXRequestIdWhenThereIsNoTraceparent() throws Exception {
        get("/orders", "X-Request-ID", "req-7781");

        assertEquals("req-7781", contextTraceIdInHandler.get());
        sdk.client().flush();
        assertEquals("req-7781", items(stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0)).get(0).get("traceId"));
    }

    @Test
    void generatesA32HexTraceIdAndRestoresTheThreadAfterwards() throws Exception {
        get("/orders");

        String traceId = contextTraceIdInHandler.get();
        assertNotNull(traceId);
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        assertEquals(traceId, mdcTraceIdInHandler.get());
        sdk.client().flush();
        assertEquals(traceId, items(stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0)).get(0).get("traceId"));
        assertNull(escapedMdcTraceId.get(), "MDC traceId left on the container thread");
    }

    @Test
    void recordsTheUserIdSetInTheMdcDuringTheRequest() throws Exception {
        get("/orders", "X-Test-User", "user-42");

        sdk.client().flush();
        assertEquals("user-42", items(stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0)).get(0).get("userId"));
        stub.assertAllBodiesValid();
    }

    @Test
    void countsTheRequestBodyOfAChunkedUploadAndTheResponseStreamBytes() throws Exception {
        byte[] payload = new byte[3000];
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(payload)))
                .build();
        assertEquals(201, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());

        sdk.client().flush();
        Map<String, Object> item = items(stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0)).get(0);
        assertEquals("POST", item.get("method"));
        assertEquals("201", text(item, "statusCode"));
        assertEquals("3000", text(item, "requestSize"));
        assertEquals("4", text(item, "responseSize"));
        stub.assertAllBodiesValid();
    }

    @Test
    void throwingServletIsRecordedAs500AndTheExceptionPropagatesUnchanged() throws Exception {
        HttpResponse<String> response = get("/boom?id=1");

        assertEquals(500, response.statusCode());
        assertSame(failure, escaped.get());
        sdk.client().flush();
        Map<String, Object> item = items(stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0)).get(0);
        assertEquals("/boom", item.get("path"));
        assertEquals("500", text(item, "statusCode"));
        stub.assertAllBodiesValid();
    }

    @Test
    void anExceptionEscapingTheChainIsCapturedOnceAsAnErrorWithTheRequestsTraceIdAndUser() throws Exception {
        assertEquals(500, get("/boom?id=1", "traceparent", TRACEPARENT, "X-Test-User", "user-42").statusCode());
        sdk.client().captureError(escaped.get()); // the application logs it again further out: no second copy
        sdk.client().flush();

        assertEquals(1, stub.awaitBodies(IngestStub.ERRORS, 1).size());
        Map<String, Object> error = new java.util.LinkedHashMap<>(object(stub.bodies(IngestStub.ERRORS).get(0)));
        @SuppressWarnings("unchecked")
        java.util.List<String> stackTrace = (java.util.List<String>) error.remove("stackTrace");
        assertTrue(stackTrace.get(0).startsWith("dev.seestack.servlet.jakarta.SeeStackServletFilterTest.<init>(SeeStackServletFilterTest.java:"),
                stackTrace.toString());
        assertEquals(Map.of("exceptionClass", "java.lang.IllegalStateException", "message", "order store down",
                "level", "error", "environment", "test", "user", Map.of("id", "user-42"),
                "metadata", Map.of("request", "GET /boom", "traceId", "4bf92f3577b34da6a3ce929d0e0e4736")), error);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736",
                items(stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1).get(0)).get(0).get("traceId"));
        assertEquals(1, sdk.client().stats().errors().sent());
    }

    @Test
    void anExceptionTheApplicationLoggedBeforeWrappingAndRethrowingIsNotSentAgain() throws Exception {
        assertEquals(500, get("/logged").statusCode());
        sdk.client().flush();

        assertEquals(1, stub.awaitBodies(IngestStub.ERRORS, 1).size());
        assertEquals("order store down", object(stub.bodies(IngestStub.ERRORS).get(0)).get("message"));
        assertEquals(1, sdk.client().stats().errors().captured());
    }

    @Test
    void withoutProjectIdRequestsPassThroughWithOneWarning() throws Exception {
        restartWith(sdk.replace(FeatureFixtures.config(stub).projectId(null).build()));

        assertEquals(200, get("/orders").statusCode());
        assertEquals(200, get("/orders").statusCode());

        sdk.client().flush();
        assertEquals(0, stub.count(IngestStub.HTTP_REQUESTS));
        assertEquals(2, sdk.client().stats().httpRequests().rejected());
        assertEquals(1, sdk.warnings().stream().filter(w -> w.contains("projectId")).count(),
                sdk.warnings().toString());
    }

    /** Outermost filter: catches what escapes the SeeStack filter, and checks the MDC it leaves behind. */
    private Filter outerFilter() {
        return (request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } catch (IOException | RuntimeException | jakarta.servlet.ServletException e) {
                escaped.set(e);
                throw e;
            } finally {
                escapedMdcTraceId.set(MDC.get("traceId"));
                MDC.remove("userId");
            }
        };
    }

    private void restartWith(SeeStackClient newClient) throws Exception {
        server.stop();
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SeeStackServletFilter(newClient)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new OrdersServlet()), "/orders");
        server.setHandler(context);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private final class OrdersServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            mdcTraceIdInHandler.set(MDC.get("traceId"));
            contextTraceIdInHandler.set(SeeStackContext.current().traceId());
            String user = req.getHeader("X-Test-User");
            if (user != null) {
                MDC.put("userId", user);
            }
            sdk.client().captureLog("info", "placing order", null);
            resp.setContentType("text/plain");
            resp.getWriter().write("order-42");
        }
    }

    private static final class UploadServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            req.getInputStream().readAllBytes();
            resp.setStatus(201);
            resp.getOutputStream().write(new byte[] {'d', 'o', 'n', 'e'});
        }
    }

    private final class FailingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            String user = req.getHeader("X-Test-User");
            if (user != null) {
                MDC.put("userId", user);
            }
            throw failure;
        }
    }

    /** Logs the failure (as an adapter would, into the same client), then wraps and rethrows it. */
    private final class LoggingThenWrappingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException {
            sdk.client().captureError(failure);
            throw new jakarta.servlet.ServletException("request failed", failure);
        }
    }
}
