package dev.seestack.spring.boot;

import dev.seestack.spring.boot.tracing.TracedShopApp;
import dev.seestack.testkit.IngestStub;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

/** {@link TracerTraceIdTests} with {@code micrometer-tracing-bridge-brave} (the surefire execution brave-tracing). */
@SpringBootTest(classes = {TracedShopApp.class, TracerTraceIdTests.TracerProbe.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seestack.project-id=5f0c6a5e-0000-4000-8000-0000000000aa", TracerTraceIdTests.TRACING_ON,
            TracerTraceIdTests.SAMPLE_ALL})
@DirtiesContext
@EnabledIf("braveIsTheTracer")
class BraveTraceIdTest extends TracerTraceIdTests {
    @RegisterExtension
    static final BootStub backend = new BootStub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, backend.stub());
    }

    /** Brave's bridge is on the classpath only in its own surefire execution. */
    static boolean braveIsTheTracer() {
        return ClassUtils.isPresent("io.micrometer.tracing.brave.bridge.BraveTracer", null);
    }

    @Override
    IngestStub stub() {
        return backend.stub();
    }
}
