package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.StderrCapture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Option captureUncaughtExceptions: a chaining default handler that sends the error as fatal before the thread dies. */
@Timeout(30)
class UncaughtExceptionsTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StderrCapture stderr = new StderrCapture();
    private final TestClients fixture = new TestClients();
    private Thread.UncaughtExceptionHandler original;

    @BeforeEach
    void rememberTheDefaultHandler() {
        original = Thread.getDefaultUncaughtExceptionHandler();
    }

    @AfterEach
    void restoreTheDefaultHandler() {
        Thread.setDefaultUncaughtExceptionHandler(original);
    }

    @Test
    void sendsAnUncaughtExceptionAsAFatalErrorBeforeTheThreadDiesAndChainsThePreviousHandler() throws Exception {
        List<Throwable> chained = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = (thread, e) -> chained.add(e);
        Thread.setDefaultUncaughtExceptionHandler(previous);
        IllegalStateException crash = crash("worker crashed");
        try (SeeStackClient client = fixture.client(stub, b -> b.captureUncaughtExceptions(true))) {
            Thread worker = new Thread(() -> {
                throw crash;
            }, "worker-1");
            worker.start();
            worker.join();

            // no waiting: the handler returned (and the thread died) only after the error was delivered
            assertEquals(List.of("{\"exceptionClass\":\"java.lang.IllegalStateException\",\"message\":\"worker crashed\","
                    + "\"stackTrace\":[\"com.acme.Jobs.run(Jobs.java:12)\"],\"level\":\"fatal\",\"environment\":\"test\","
                    + "\"release\":\"1.0.0\",\"metadata\":{\"thread\":\"worker-1\",\"uncaught\":true}}"),
                    stub.bodies(IngestStub.ERRORS));
            assertEquals(List.of(crash), chained);
        }
        assertSame(previous, Thread.getDefaultUncaughtExceptionHandler(), "close() puts the previous handler back");
    }

    @Test
    void withoutAPreviousHandlerPrintsTheExceptionAsTheJvmDoes() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(null);
        try (SeeStackClient client = fixture.client(stub, b -> b.captureUncaughtExceptions(true))) {
            Thread worker = new Thread(() -> {
                throw crash("nobody else listens");
            }, "worker-2");
            worker.start();
            worker.join();

            assertEquals(1, stub.count(IngestStub.ERRORS));
        }
        assertTrue(stderr.text().contains("Exception in thread \"worker-2\" java.lang.IllegalStateException:"
                + " nobody else listens"), stderr.text());
        assertEquals(null, Thread.getDefaultUncaughtExceptionHandler());
    }

    @Test
    void isOffByDefault() {
        Thread.UncaughtExceptionHandler previous = (thread, e) -> { };
        Thread.setDefaultUncaughtExceptionHandler(previous);
        try (SeeStackClient client = fixture.client(stub)) {
            assertSame(previous, Thread.getDefaultUncaughtExceptionHandler());
        }
    }

    private static IllegalStateException crash(String message) {
        IllegalStateException e = new IllegalStateException(message);
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Jobs", "run", "Jobs.java", 12)});
        return e;
    }
}
