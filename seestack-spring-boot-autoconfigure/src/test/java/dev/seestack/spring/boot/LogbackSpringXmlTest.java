package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A SeeStack appender in the application's logback xml, without key or host, joins the starter's client. */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.config=classpath:logback-joins-starter.xml")
@DirtiesContext
class LogbackSpringXmlTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @Autowired
    SeeStackClient client;
    @Value("${local.server.port}")
    int port;

    @Test
    void logWrittenBeforeTheContextCreatedTheClientArrivesOnce() {
        PollUntil.await("Boot's startup line", () -> startupLines().size() >= 1);
        client.flush();
        List<JsonNode> startup = startupLines();
        assertEquals(1, startup.size(), startup.toString());
        assertEquals("shop-xml", startup.get(0).get("service").asText());
    }

    @Test
    void configuredAppenderIsTheOnlySeeStackAppender() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertEquals(null, logback.getLogger("ROOT").getAppender("SEESTACK"),
                "the starter attaches no appender of its own when the logging configuration has one");

        assertEquals(200, StubBackend.get(port, "/checkout").statusCode());
        client.flush();
        PollUntil.await("the controller's log", () -> !StubBackend.logsWithMessage(stub, "checkout handled").isEmpty());
        client.flush();
        assertEquals(1, StubBackend.logsWithMessage(stub, "checkout handled").size());
    }

    private static List<JsonNode> startupLines() {
        return StubBackend.json(stub.bodies(IngestStub.LOGS)).stream()
                .filter(l -> l.path("message").asText().startsWith("Starting LogbackSpringXmlTest using Java"))
                .collect(Collectors.toList());
    }
}
