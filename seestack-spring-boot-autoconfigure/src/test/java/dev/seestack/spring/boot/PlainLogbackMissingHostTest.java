package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.seestack.SeeStack;
import dev.seestack.spring.boot.app.ShopApp;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A plain Logback appender whose host is missing never stops Spring Boot, which fails startup on any Logback
 * ERROR status: the problem is a WARN status naming the option. The starter is off here, as without it.
 */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.config=classpath:logback-missing-host.xml", "seestack.enabled=false"})
@DirtiesContext
class PlainLogbackMissingHostTest {
    @Value("${local.server.port}")
    int port;

    @Test
    void applicationStartsAndTheMissingHostIsAWarningStatus() {
        List<Status> statuses = ((LoggerContext) LoggerFactory.getILoggerFactory()).getStatusManager()
                .getCopyOfStatusList();
        List<String> seeStackWarnings = statuses.stream().filter(s -> s.getLevel() == Status.WARN)
                .map(Status::getMessage).filter(m -> m.contains("SeeStack")).collect(Collectors.toList());
        assertEquals(1, seeStackWarnings.size(), seeStackWarnings.toString());
        assertTrue(seeStackWarnings.get(0).contains("option 'host' is required"), seeStackWarnings.get(0));
        assertEquals(List.of(), statuses.stream().filter(s -> s.getLevel() == Status.ERROR).map(Status::getMessage)
                .collect(Collectors.toList()));

        assertFalse(SeeStack.isInitialized(), "the SDK is a no-op");
        assertEquals(200, StubBackend.get(port, "/checkout").statusCode());
    }
}
