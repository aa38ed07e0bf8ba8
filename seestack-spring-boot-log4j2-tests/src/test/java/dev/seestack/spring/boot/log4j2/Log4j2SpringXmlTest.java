package dev.seestack.spring.boot.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
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

/** A {@code <SeeStack/>} without apiKey or host in the Log4j2 configuration joins the starter's client. */
@SpringBootTest(classes = InventoryApp.class, properties = "logging.config=classpath:log4j2-joins-starter.xml")
@DirtiesContext
class Log4j2SpringXmlTest {
    @RegisterExtension
    static final Log4j2Backend backend = new Log4j2Backend();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        Log4j2Backend.register(registry);
    }

    @Autowired
    SeeStackClient client;

    @Test
    void appenderWithoutKeyOrHostJoinsTheStartersClientAndNoSecondOneIsAttached() {
        LoggerContext log4j = (LoggerContext) LogManager.getContext(false);
        assertNull(log4j.getConfiguration().getRootLogger().getAppenders().get("SEESTACK"));

        LoggerFactory.getLogger("com.shop.Inventory").warn("restocked sku {}", "B-2");
        client.flush();

        List<JsonNode> logs = PollUntil.awaitValue(java.time.Duration.ofSeconds(15),
                () -> Log4j2Backend.logsWithMessage("restocked sku B-2"), l -> !l.isEmpty());
        assertEquals(1, logs.size());
        assertEquals("shop-xml", logs.get(0).get("service").asText());
        assertEquals("warn", logs.get(0).get("level").asText());
    }
}
