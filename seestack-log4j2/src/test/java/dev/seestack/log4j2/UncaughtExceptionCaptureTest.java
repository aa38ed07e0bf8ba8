package dev.seestack.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.testkit.IngestStub;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The appender attribute captureUncaughtExceptions="true" installs the SDK's chaining uncaught-exception handler. */
@Timeout(30)
class UncaughtExceptionCaptureTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedByTest(stub);

    @Test
    void sendsAThreadsUncaughtExceptionAsAFatalErrorBeforeTheThreadDiesAndChainsThePreviousHandler() throws Exception {
        Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> chained = new CopyOnWriteArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> chained.add(e));
        try {
            log4j.start("log4j2-seestack-uncaught.xml");
            IllegalStateException crash = new IllegalStateException("job crashed");
            crash.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Jobs", "run", "Jobs.java", 12)});
            Thread worker = new Thread(() -> {
                throw crash;
            }, "job-2");
            worker.start();
            worker.join();

            assertEquals(List.of("{\"exceptionClass\":\"java.lang.IllegalStateException\",\"message\":\"job crashed\","
                    + "\"stackTrace\":[\"com.acme.Jobs.run(Jobs.java:12)\"],\"level\":\"fatal\",\"environment\":\"test\","
                    + "\"release\":\"1.4.2\",\"metadata\":{\"thread\":\"job-2\",\"uncaught\":true,\"service\":\"checkout\"}}"),
                    stub.bodies(IngestStub.ERRORS));
            assertEquals(List.of(crash), chained);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(original);
        }
    }
}
