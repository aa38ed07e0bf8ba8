package dev.seestack.reliability;

import dev.seestack.reliability.webapp.FailingServlet;
import dev.seestack.reliability.webapp.WebappListener;
import dev.seestack.testkit.IngestStub;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.logging.LogManager;
import org.apache.catalina.Context;
import org.apache.juli.ClassLoaderLogManager;

/**
 * A child JVM run as standalone Tomcat runs: JULI's {@code ClassLoaderLogManager} reading a {@code
 * conf/logging.properties} ({@code -Djava.util.logging.manager}, {@code -Djava.util.logging.config.file}), the SDK
 * and the JUL handler on the system class path, a webapp with its own class loader whose servlet throws on every
 * request. Arguments: {@code shared} (the webapp uses the container's SDK) or {@code own-client} (it bundles the SDK
 * and starts its own client), the backend, the number of requests, Tomcat's base directory.
 */
public final class TomcatJuliApp {
    /** The {@code X-Request-ID} (so the trace id) of request {@code i}. */
    static String traceId(int i) {
        return "tomcat-trace-" + i;
    }

    public static void main(String[] args) throws Exception {
        boolean ownClient = "own-client".equals(args[0]);
        String host = args[1];
        int requests = Integer.parseInt(args[2]);
        Path base = Paths.get(args[3]);
        Path docBase = WebappDirectory.create(base.resolve("webapps/app"), ownClient,
                WebappListener.class, FailingServlet.class);
        EmbeddedTomcat tomcat = EmbeddedTomcat.start(base);
        Context app = tomcat.deploy("/app", docBase, ownClient
                ? Map.of(WebappListener.HOST_PARAMETER, host, WebappListener.API_KEY_PARAMETER, IngestStub.API_KEY)
                : Map.of());
        for (int i = 0; i < requests; i++) {
            // every other request wraps its exception in a ServletException: Tomcat then logs the root cause
            String path = i % 2 == 0 ? "/app/fail" : "/app/fail?wrapped";
            System.out.println("STATUS " + tomcat.get(path, traceId(i)));
        }
        tomcat.undeploy(app);
        tomcat.close();
        // what Catalina's stop does last: closes the handlers of conf/logging.properties, which send what they hold
        ((ClassLoaderLogManager) LogManager.getLogManager()).shutdown();
        System.out.println("DONE");
    }
}
