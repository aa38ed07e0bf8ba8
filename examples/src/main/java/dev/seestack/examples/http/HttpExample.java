package dev.seestack.examples.http;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.http.SeeStackHttpClient;
import dev.seestack.servlet.jakarta.SeeStackServletFilter;
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
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * HTTP monitoring: {@link SeeStackServletFilter} records the requests an embedded Jetty 12 (ee10) server serves
 * (inbound), and {@link SeeStackHttpClient#wrap} records the calls a JDK {@link HttpClient} makes (outbound).
 * HTTP monitoring needs a project id ({@code SEESTACK_PROJECT_ID}, any UUID for the local collector).
 */
public final class HttpExample {
    private HttpExample() {
    }

    public static void main(String[] args) throws Exception {
        SeeStack.init(SeeStackConfig.builder()
                .host(env("SEESTACK_HOST", "http://127.0.0.1:7717"))
                .apiKey(env("SEESTACK_API_KEY", "local-dev-key"))
                .environment(env("SEESTACK_ENVIRONMENT", "development"))
                .projectId(env("SEESTACK_PROJECT_ID", "6f1c2b0e-3d4a-4e8b-9c7d-2a1b3c4d5e6f"))
                .build());

        // Inbound: register the filter first, for every path, on the original dispatch.
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new SeeStackServletFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HelloServlet()), "/hello");
        server.setHandler(context);
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();

        // Outbound: wrap the client once and use it everywhere. It adds X-Request-ID / traceparent headers, so
        // the server above records the same trace id.
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient());
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello?name=seestack")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("GET /hello -> " + response.statusCode() + " " + response.body());
        } finally {
            server.stop();     // waits for the request in flight, so the filter has recorded it
            SeeStack.close();  // sends what is buffered (at most 5 s) and stops the SDK
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** Says hello. */
    static final class HelloServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("hello " + request.getParameter("name"));
        }
    }
}
