package dev.seestack.spring.boot.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackClient;
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

/** {@code seestack.logging.enabled=false}: the starter attaches no appender to Log4j2's root logger. */
@SpringBootTest(classes = InventoryApp.class, properties = {"logging.config=classpath:log4j2-console.xml",
        "seestack.logging.enabled=false"})
@DirtiesContext
class Log4j2LoggingDisabledTest {
    @RegisterExtension
    static final Log4j2Backend backend = new Log4j2Backend();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        Log4j2Backend.register(registry);
    }

    @Autowired
    SeeStackClient client;

    @Test
    void noAppenderIsAttachedAndLogsStayLocal() {
        LoggerContext log4j = (LoggerContext) LogManager.getContext(false);
        assertEquals(List.of("CONSOLE"), List.copyOf(log4j.getConfiguration().getRootLogger().getAppenders().keySet()));

        LoggerFactory.getLogger("com.shop.Inventory").warn("not for seestack");
        client.flush();

        assertEquals(0, client.stats().logs().captured());
    }
}
