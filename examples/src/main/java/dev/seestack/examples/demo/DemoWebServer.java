package dev.seestack.examples.demo;

import dev.seestack.servlet.jakarta.SeeStackServletFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Jetty 12 (ee10) server on a free loopback port: {@link SeeStackServletFilter} in front of a servlet
 * answering {@code GET /orders/{id}}, which logs through SLF4J (the filter has put the request's trace id in the
 * MDC, so the log carries it).
 */
final class DemoWebServer implements AutoCloseable {
    private final Server server;

    private DemoWebServer(Server server) {
        this.server = server;
    }

    /** Starts the server; the filter records to the process-wide SDK client. */
    static DemoWebServer start() throws Exception {
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new SeeStackServletFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new OrdersServlet()), "/orders/*");
        server.setHandler(context);
        server.start();
        return new DemoWebServer(server);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Answers an order's status and logs that it did. */
    static final class OrdersServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger("demo.shop.OrdersServlet");

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String orderId = request.getPathInfo() == null ? "" : request.getPathInfo().replace("/", "");
            LOG.atInfo().addKeyValue("orderId", orderId).log("serving order {}", orderId);
            response.setContentType("application/json");
            response.getWriter().write("{\"orderId\":\"" + orderId.replaceAll("[^A-Za-z0-9-]", "")
                    + "\",\"status\":\"shipped\"}");
        }
    }
}
