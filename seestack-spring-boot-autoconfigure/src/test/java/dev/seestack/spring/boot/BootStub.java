package dev.seestack.spring.boot;

import dev.seestack.testkit.IngestStub;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test kit's stub for Boot tests, as {@code @RegisterExtension static final BootStub backend = new BootStub();}.
 * One stub serves the whole test JVM, so it outlives each test class's application context (whose shutdown still
 * sends); it is reset before each class only, since the context (and its startup logs) comes before the first
 * test, and every body received is validated against the contract schemas after each test.
 */
final class BootStub implements BeforeAllCallback, AfterEachCallback {
    private static final IngestStub SHARED = IngestStub.start();

    IngestStub stub() {
        return SHARED;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SHARED.acceptAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            SHARED.assertAllBodiesValid();
        }
    }
}
