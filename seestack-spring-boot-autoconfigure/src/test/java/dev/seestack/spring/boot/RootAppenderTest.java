package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.logback.SeeStackAppender;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no SeeStack appender in the logging configuration, application properties alone ship the logs. */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seestack.service=shop", "seestack.logging.minimum-log-level=WARN"})
@DirtiesContext
class RootAppenderTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @Autowired
    SeeStackClient client;

    @Test
    void starterAttachesOneAppenderToTheRootLoggerWithTheLoggingProperties() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertTrue(logback.getLogger("ROOT").getAppender("SEESTACK") instanceof SeeStackAppender);

        org.slf4j.Logger log = LoggerFactory.getLogger("com.shop.Inventory");
        log.info("below seestack.logging.minimum-log-level");
        log.warn("stock low for sku {}", "A-17");
        client.flush();

        PollUntil.await("the warning", () -> !StubBackend.logsWithMessage(stub, "stock low for sku A-17").isEmpty());
        List<JsonNode> logs = StubBackend.logsWithMessage(stub, "stock low for sku A-17");
        assertEquals(1, logs.size());
        assertEquals("warn", logs.get(0).get("level").asText());
        assertEquals("shop", logs.get(0).get("service").asText());
        assertEquals("com.shop.Inventory", logs.get(0).get("metadata").get("logger").asText());
        assertEquals(List.of(), StubBackend.logsWithMessage(stub, "below seestack.logging.minimum-log-level"));
    }
}
