package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SDK's environment-variable names work as they are ({@code SEESTACK_API_KEY}, {@code SEESTACK_HOST}), looked
 * up through Spring's Environment: given here as properties of those names, exactly as the OS environment would.
 */
@SpringBootTest(classes = ShopApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "SEESTACK_ENVIRONMENT=from-env")
@DirtiesContext
class EnvironmentNamesTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("SEESTACK_API_KEY", () -> IngestStub.API_KEY);
        registry.add("SEESTACK_HOST", stub::host);
    }

    @Autowired
    SeeStackClient client;

    @Test
    void seeStackEnvironmentVariablesConfigureTheClient() {
        assertEquals(IngestStub.API_KEY, client.config().apiKey());
        assertEquals(stub.host(), client.config().host());
        assertEquals("from-env", client.config().environment());
    }
}
