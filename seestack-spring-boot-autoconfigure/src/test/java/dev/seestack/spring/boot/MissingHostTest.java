package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/** A missing host never stops the application: one warning names the property and the SDK is a no-op. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seestack.api-key=test-key-123")
@DirtiesContext
class MissingHostTest {
    @Autowired
    ApplicationContext context;
    @Value("${local.server.port}")
    int port;

    @Test
    void applicationStartsWithOneWarningNamingTheHostPropertyAndTheSdkOff(CapturedOutput output) {
        List<String> warnings = output.getErr().lines().filter(l -> l.startsWith("[seestack] WARN"))
                .collect(Collectors.toList());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("'seestack.host'"), warnings.get(0));

        assertEquals(0, context.getBeanNamesForType(SeeStackClient.class).length);
        assertFalse(SeeStack.isInitialized());
        assertEquals(200, StubBackend.get(port, "/checkout").statusCode(), "the application serves requests");
    }
}
