package dev.seestack.reliability.webapp;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.servlet.jakarta.SeeStackServletFilter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * A webapp as an application would write it: registers the SeeStack filter and its servlets and, when the context
 * parameter {@value #HOST_PARAMETER} names a backend, starts its own SeeStack client at start and closes it at
 * {@code contextDestroyed}. Without that parameter the filter sends through whichever client its copy of the SDK
 * has (the container's JUL handler's, when the webapp does not bundle the SDK).
 */
public class WebappListener implements ServletContextListener {
    /** Context parameter: the backend of the webapp's own client. */
    public static final String HOST_PARAMETER = "seestack.host";
    /** Context parameter: the API key of the webapp's own client. */
    public static final String API_KEY_PARAMETER = "seestack.apiKey";

    private boolean ownClient;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String host = context.getInitParameter(HOST_PARAMETER);
        if (host != null) {
            SeeStack.init(SeeStackConfig.builder(name -> null)
                    .apiKey(context.getInitParameter(API_KEY_PARAMETER))
                    .host(host)
                    .environment("test")
                    .flushIntervalMs(100)
                    .build());
            ownClient = true;
            SeeStack.captureLog("info", "webapp " + context.getContextPath() + " started", null);
        }
        context.addFilter("seestack", new SeeStackServletFilter()).addMappingForUrlPatterns(null, false, "/*");
        context.addServlet("failing", new FailingServlet()).addMapping("/fail");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (ownClient) {
            SeeStack.close();
        }
    }
}
