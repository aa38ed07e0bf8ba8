package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.LoggerContext;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code seestack.logging.enabled=false} keeps the starter's appender out; the client still works. */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seestack.logging.enabled=false")
@DirtiesContext
class LoggingDisabledTest {
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
    void noAppenderIsAttachedAndLogsStayLocal() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertNull(logback.getLogger("ROOT").getAppender("SEESTACK"));

        LoggerFactory.getLogger("com.shop.Inventory").warn("kept local");
        client.captureLog("info", "sent through the client", null);
        client.flush();

        assertEquals(1, StubBackend.logsWithMessage(stub, "sent through the client").size());
        assertEquals(List.of(), StubBackend.logsWithMessage(stub, "kept local"));
    }
}
