package dev.seestack.servlet.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.seestack.FeatureFixtures;
import dev.seestack.StubbedClient;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The filter (REQUEST and ERROR dispatches) with {@link SeeStackRequestListener} in a real Jetty 12, which renders
 * its error page after the request's listener cycle: the request is recorded once, with the page's status, the
 * bytes the client received and a duration including the page; without an error page it is recorded once when
 * Jetty completes the response. seestack-servlet-javax runs the same test in Jetty's ee8 environment, where the
 * filter has no hook after the listener's cycle (the request is recorded there, without the page): only the last
 * test applies.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrorPageRecordingTest {
    private static final long PAGE_RENDER_MS = 200;
    private static final boolean EE8 = HttpServlet.class.getName().startsWith("javax.");
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);

    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anExceptionEndingInTheErrorPageIsRecordedWithThePagesStatusBytesAndDuration() throws Exception {
        assumeFalse(EE8, "ee8 records at the end of the listener's cycle");
        start(true);
        assertRecordedWithThePage("/boom", 500);
    }

    @Test
    void aSentErrorEndingInTheErrorPageIsRecordedWithThePagesStatusBytesAndDuration() throws Exception {
        assumeFalse(EE8, "ee8 records at the end of the listener's cycle");
        start(true);
        assertRecordedWithThePage("/missing", 404);
    }

    @Test
    void withoutAnErrorPageTheRequestIsStillRecordedOnceWithItsStatus() throws Exception {
        start(false);
        assertEquals(500, get("/boom").statusCode());

        assertEquals("500", String.valueOf(onlyItem("/boom").get("statusCode")));
    }

    private void start(boolean withErrorPage) throws Exception {
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addEventListener(new SeeStackRequestListener());
        context.addFilter(new FilterHolder(new SeeStackServletFilter(sdk.client())), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addServlet(new ServletHolder(new FailingServlet()), "/boom");
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/missing");
        if (withErrorPage) {
            context.addServlet(new ServletHolder(new SlowErrorPageServlet()), "/error-page");
            ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
            errorPages.addErrorPage(500, "/error-page");
            errorPages.addErrorPage(404, "/error-page");
            context.setErrorHandler(errorPages);
        }
        server.setHandler(context);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Requests {@code path}, answered by the error page with {@code status}, and checks its one item. */
    private void assertRecordedWithThePage(String path, int status) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(status, response.statusCode());
        assertTrue(response.body().startsWith("error page " + status), response.body());

        Map<String, Object> item = onlyItem(path);
        assertEquals(String.valueOf(status), String.valueOf(item.get("statusCode")));
        assertEquals(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length),
                String.valueOf(item.get("responseSize")));
        assertTrue(Long.parseLong(String.valueOf(item.get("durationMs"))) >= PAGE_RENDER_MS, item.toString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The one inbound item of {@code path}, once sent; every body received validated against the contract. */
    private Map<String, Object> onlyItem(String path) {
        sdk.client().flush();
        List<Map<String, Object>> found = PollUntil.awaitValue(Duration.ofSeconds(10), () -> items(path),
                l -> !l.isEmpty());
        sdk.client().flush();
        assertEquals(1, items(path).size(), "recorded once: " + items(path));
        stub.assertAllBodiesValid();
        return found.get(0);
    }

    private static List<Map<String, Object>> items(String path) {
        List<Map<String, Object>> found = new ArrayList<>(FeatureFixtures.allItems(stub));
        found.removeIf(item -> !path.equals(item.get("path")));
        return found;
    }

    static final class FailingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("kitchen on fire");
        }
    }

    static final class NotFoundServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(404);
        }
    }

    /** An error page that takes its time: the recorded duration must include it. */
    static final class SlowErrorPageServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try {
                Thread.sleep(PAGE_RENDER_MS); // the page's rendering time, which the item includes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().write("error page " + req.getAttribute("jakarta.servlet.error.status_code") + " ✓");
        }
    }
}
