package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.ChildJvm;
import dev.seestack.testkit.IngestStub;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The JUL handler placed in Tomcat's {@code conf/logging.properties} as the README shows, in a child JVM running
 * JULI's {@code ClassLoaderLogManager} as standalone Tomcat does: every {@code Servlet.service() ... threw
 * exception} record of a webapp arrives once, as one error and one log, with the trace id the webapp's SeeStack
 * filter gave the request, whether the webapp uses the container's SDK or bundles its own with its own client.
 */
@Timeout(120)
class TomcatJulHandlerTest {
    private static final int REQUESTS = 6;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @TempDir
    Path catalinaBase;

    @Test
    void servletExceptionsArriveOnceWithTheRequestsTraceId() throws Exception {
        runTomcat("shared");

        assertOneErrorAndOneLogPerRequest();
    }

    @Test
    void servletExceptionsArriveOnceBesideTheWebappsOwnClient() throws Exception {
        runTomcat("own-client");

        assertOneErrorAndOneLogPerRequest();
    }

    @Test
    void tomcatsOwnLinesArriveThroughTheRootLogger() throws Exception {
        runTomcat("shared");

        List<String> messages = Served.messages(Served.accepted(stub, IngestStub.LOGS));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Starting service [Catalina]")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Stopping service [Catalina]")), messages::toString);
    }

    private void runTomcat(String webapp) throws Exception {
        Path config = Paths.get(getClass().getResource("/tomcat-conf-logging.properties").toURI());
        try (ChildJvm tomcat = ChildJvm.start(List.of(
                        "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                        "-Djava.util.logging.config.file=" + config,
                        "-Dcatalina.base=" + catalinaBase,
                        "-Dseestack.test.host=" + stub.host(),
                        "-Dseestack.test.apiKey=" + IngestStub.API_KEY),
                TomcatJuliApp.class, webapp, stub.host(), String.valueOf(REQUESTS), catalinaBase.toString())) {
            assertEquals(0, tomcat.awaitExit(Duration.ofSeconds(90)), tomcat::output);
            String output = tomcat.output();
            assertTrue(output.contains("DONE"), output);
            assertEquals(REQUESTS, output.lines().filter(l -> l.equals("STATUS 500")).count(), output);
        }
    }

    private void assertOneErrorAndOneLogPerRequest() {
        Set<String> expected = IntStream.range(0, REQUESTS).mapToObj(TomcatJuliApp::traceId)
                .collect(Collectors.toCollection(TreeSet::new));
        List<JsonNode> errors = Served.awaitAccepted(stub, IngestStub.ERRORS, REQUESTS).stream()
                .map(Served::json).collect(Collectors.toList());
        List<JsonNode> serviceLogs = Served.awaitAccepted(stub, IngestStub.LOGS, REQUESTS).stream()
                .map(Served::json)
                .filter(log -> log.get("message").asText().startsWith("Servlet.service() for servlet [failing]"))
                .collect(Collectors.toList());

        assertEquals(REQUESTS, errors.size(), "errors: " + errors);
        assertEquals(expected, errors.stream().map(e -> e.path("metadata").path("traceId").asText())
                .collect(Collectors.toCollection(TreeSet::new)), "errors: " + errors);
        assertEquals(REQUESTS, serviceLogs.size(), "logs: " + serviceLogs);
        assertEquals(expected, serviceLogs.stream().map(l -> l.path("traceId").asText())
                .collect(Collectors.toCollection(TreeSet::new)), "logs: " + serviceLogs);
        stub.assertAllBodiesValid();
    }
}
