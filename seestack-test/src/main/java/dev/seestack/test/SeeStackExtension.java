package dev.seestack.test;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.diag.DiagnosticSink;
import dev.seestack.internal.logging.PendingEvents;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for an application's tests: before each test it resets the {@link InMemorySeeStack} and, when
 * nothing started a SeeStack client yet, starts one from the {@code SEESTACK_*} environment with the lowest
 * priority (as an appender does: the application's own {@code SeeStack.init} still replaces it); after each test it
 * flushes. Test methods may take an {@link InMemorySeeStack} parameter.
 *
 * <pre>{@code
 * @ExtendWith(SeeStackExtension.class)
 * class CheckoutTest {
 *     @Test
 *     void reportsAFailedPayment(InMemorySeeStack seeStack) { ... seeStack.errors() ... }
 * }
 * }</pre>
 */
public final class SeeStackExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeeStackExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        InMemorySeeStack.get().reset();
        if (ClientRegistry.current() == null) {
            ClientRegistry.Lease lease = ClientRegistry.acquireForAdapter(
                    () -> SeeStackConfig.builder().shutdownHook(false).build(), DiagnosticSink.STDERR);
            // the JVM-wide client lives until the test run ends, like an appender's
            context.getRoot().getStore(NAMESPACE).put(lease, (ExtensionContext.Store.CloseableResource) lease::release);
            // events an appender without apiKey and host kept for a client are sent now
            PendingEvents.replay();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        InMemorySeeStack.get().flush();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == InMemorySeeStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return InMemorySeeStack.get();
    }
}
