package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.diag.DiagnosticSink;
import dev.seestack.testkit.IngestStub;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The static facade: no-op before init, init rules, and appender-started clients giving way to code. */
class FacadeTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @AfterEach
    void closeFacade() {
        SeeStack.close();
    }

    @Test
    void everyMethodIsASilentNoOpBeforeInit() {
        assertFalse(SeeStack.isInitialized());
        assertDoesNotThrow(() -> {
            SeeStack.captureLog("info", "nobody listens", Map.of());
            SeeStack.captureError(new RuntimeException("nobody listens"));
            SeeStack.setUser(User.ofId("u"));
            SeeStack.clearUser();
            assertTrue(SeeStack.flush());
            SeeStack.close();
        });
        assertNull(SeeStack.stats());
    }

    @Test
    void initRejectsMissingOptionsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeeStack.init(SeeStackConfig.builder(n -> null).host(stub.host()).build()));
        assertTrue(e.getMessage().contains("apiKey"));
        assertFalse(SeeStack.isInitialized());
    }

    @Test
    void aSecondInitIsIgnoredAndTheFirstClientKeepsRunning() {
        SeeStackClient first = SeeStack.init(TestClients.config(stub).build());
        SeeStackClient second = SeeStack.init(TestClients.config(stub).release("other").build());
        assertSame(first, second);
        assertTrue(first.isEnabled());
        SeeStack.captureLog("info", "through the facade", null);
        SeeStack.flush();
        assertEquals(1, stub.awaitBodies(IngestStub.LOGS, 1).size());
    }

    @Test
    void explicitInitReplacesAnAppenderStartedClientAndClosesIt() {
        ClientRegistry.Lease lease = ClientRegistry.acquireForAdapter(() -> TestClients.config(stub).build(),
                DiagnosticSink.STDERR);
        SeeStackClient fromAppender = SeeStack.client();
        SeeStackClient fromCode = SeeStack.init(TestClients.config(stub).release("code").build());
        assertFalse(fromAppender.isEnabled());
        assertSame(fromCode, SeeStack.client());
        lease.release();
        assertSame(fromCode, SeeStack.client(), "releasing the appender's lease must not close the code's client");
        assertTrue(fromCode.isEnabled());
    }

    @Test
    void appenderStartedClientIsSharedAndClosedWithTheLastLease() {
        ClientRegistry.Lease a = ClientRegistry.acquireForAdapter(() -> TestClients.config(stub).build(),
                DiagnosticSink.STDERR);
        ClientRegistry.Lease b = ClientRegistry.acquireForAdapter(() -> {
            throw new AssertionError("a running client must be shared, not rebuilt");
        }, DiagnosticSink.STDERR);
        SeeStackClient shared = SeeStack.client();
        a.release();
        assertTrue(shared.isEnabled());
        b.release();
        assertFalse(shared.isEnabled());
        assertNull(SeeStack.client());
    }

    @Test
    void refusesToSendOverPlainHttpInProductionButNotToALoopbackHost() {
        SeeStackClient c = SeeStack.init(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY)
                .host("http://seestack.example.com").environment("production").build());
        assertFalse(c.isEnabled());
        SeeStack.captureError(new RuntimeException("must not leave the process"));
        SeeStack.flush();
        SeeStack.close();

        c = SeeStack.init(SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY)
                .host(stub.host()).environment("production").build());
        assertTrue(c.isEnabled(), "a loopback host is allowed over plain HTTP: nothing leaves the machine");
        SeeStack.captureError(new RuntimeException("to the local collector"));
        SeeStack.flush();
        assertEquals(1, stub.count(IngestStub.ERRORS), "only the loopback client's error was sent");
    }
}
