package dev.seestack.spring.boot.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seestack.SeeStackClient;
import dev.seestack.log4j2.SeeStackAppender;
import dev.seestack.testkit.PollUntil;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An application logging through Log4j2 with no SeeStack appender: application properties alone ship its logs. */
@SpringBootTest(classes = InventoryApp.class, properties = {"logging.config=classpath:log4j2-console.xml",
        "seestack.service=shop", "seestack.logging.minimum-log-level=WARN"})
@DirtiesContext
class Log4j2RootAppenderTest {
    @RegisterExtension
    static final Log4j2Backend backend = new Log4j2Backend();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        Log4j2Backend.register(registry);
    }

    @Autowired
    SeeStackClient client;

    @Test
    void starterAttachesOneAppenderToTheRootLoggerWithTheLoggingProperties() {
        LoggerContext log4j = (LoggerContext) LogManager.getContext(false);
        assertTrue(log4j.getConfiguration().getRootLogger().getAppenders().get("SEESTACK") instanceof SeeStackAppender);

        org.slf4j.Logger log = LoggerFactory.getLogger("com.shop.Inventory");
        log.info("below seestack.logging.minimum-log-level");
        log.warn("stock low for sku {}", "A-17");
        client.flush();

        List<JsonNode> logs = PollUntil.awaitValue(java.time.Duration.ofSeconds(15),
                () -> Log4j2Backend.logsWithMessage("stock low for sku A-17"), l -> !l.isEmpty());
        assertEquals(1, logs.size());
        ObjectNode received = logs.get(0).deepCopy();
        assertTrue(((ObjectNode) received.get("metadata")).remove("timestamp").isTextual());
        assertEquals(Log4j2Backend.json("{\"level\":\"warn\",\"message\":\"stock low for sku A-17\",\"service\":\"shop\","
                + "\"metadata\":{\"logger\":\"com.shop.Inventory\",\"thread\":\"main\"}}"), received);
        assertEquals(List.of(), Log4j2Backend.logsWithMessage("below seestack.logging.minimum-log-level"));
    }
}
