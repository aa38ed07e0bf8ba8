package dev.seestack.reliability;

import dev.seestack.reliability.webapp.WebappListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat shaped like a standalone one: service and engine {@code Catalina}, host {@code localhost} (so its loggers
 * are {@code org.apache.catalina.core.ContainerBase.[Catalina].[localhost]...}), an HTTP connector on a free
 * loopback port, webapps deployed from a directory with their own class loader and undeployed again.
 */
final class EmbeddedTomcat implements AutoCloseable {
    private final Tomcat tomcat;
    private final Connector connector;

    private EmbeddedTomcat(Tomcat tomcat, Connector connector) {
        this.tomcat = tomcat;
        this.connector = connector;
    }

    static EmbeddedTomcat start(Path baseDir) throws LifecycleException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("localhost");
        tomcat.getService().setName("Catalina");
        tomcat.getEngine().setName("Catalina");
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        tomcat.start();
        return new EmbeddedTomcat(tomcat, connector);
    }

    /**
     * Deploys the exploded webapp {@code docBase} at {@code path}, its {@link WebappListener} loaded by the webapp's
     * class loader, with these context parameters; returns once it started.
     */
    Context deploy(String path, Path docBase, Map<String, String> parameters) {
        StandardContext context = new StandardContext();
        context.setName(path);
        context.setPath(path);
        context.setDocBase(docBase.toString());
        context.addLifecycleListener(new Tomcat.FixContextListener());
        parameters.forEach(context::addParameter);
        context.addApplicationListener(WebappListener.class.getName());
        tomcat.getHost().addChild(context);
        return context;
    }

    /** Stops and removes the webapp, as Tomcat's manager or removing it from {@code webapps/} does. */
    void undeploy(Context context) {
        tomcat.getHost().removeChild(context);
    }

    /** GETs {@code pathAndQuery} with an {@code X-Request-ID} header; returns the status. */
    int get(String pathAndQuery, String requestId) throws IOException {
        URL url = new URL("http://127.0.0.1:" + connector.getLocalPort() + pathAndQuery);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestProperty("X-Request-ID", requestId);
        try {
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
