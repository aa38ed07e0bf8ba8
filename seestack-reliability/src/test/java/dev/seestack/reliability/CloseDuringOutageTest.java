package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientCore;
import dev.seestack.jul.SeeStackHandler;
import dev.seestack.reliability.LoggingApp.Framework;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stopping during an outage (a blackholed backend: every request hangs) returns within the 5 s close deadline
 * plus a small margin, leaves no SDK thread, and counts whatever it could not send.
 */
@Timeout(60)
class CloseDuringOutageTest {
    /** The deadline plus what joining and interrupting the SDK's threads may take on a loaded machine. */
    private static final long MAX_CLOSE_MS = ClientCore.CLOSE_DEADLINE.toMillis() + 1500;
    private static final int EVENTS = 300;

    private Blackhole blackhole;

    @BeforeEach
    void blackhole() throws Exception {
        blackhole = Blackhole.start();
    }

    @AfterEach
    void release() throws Exception {
        SeeStack.close();
        blackhole.close();
    }

    @Test
    void facadeCloseReturnsWithinTheDeadline() {
        SeeStackClient client = SeeStack.init(SeeStackConfig.builder(n -> null).apiKey("k").host(blackhole.host())
                .environment("test").flushIntervalMs(100).build());
        CallerLatency.measure(EVENTS, i -> SeeStack.captureLog("info", "outage " + i, null)).assertBounded("facade");
        CallerLatency.measure(20, i -> SeeStack.captureError(new IllegalStateException("outage " + i)))
                .assertBounded("facade errors");
        PollUntil.await("requests hang on the blackhole", () -> blackhole.accepted() >= 1);

        assertClosesInTime("SeeStack.close()", SeeStack::close);

        Accounting.assertSettled(client.stats().logs(), EVENTS);
        Accounting.assertSettled(client.stats().errors(), 20);
        SdkThreads.awaitNone();
    }

    @ParameterizedTest
    @EnumSource(Framework.class)
    void frameworkStopReturnsWithinTheDeadline(Framework framework) {
        LoggingApp app = LoggingApp.start(framework, blackhole.host());
        SeeStackClient client = app.client();
        CallerLatency.measure(EVENTS, i -> app.info("outage " + i)).assertBounded(framework + " during outage");
        PollUntil.await("requests hang on the blackhole", () -> blackhole.accepted() >= 1);

        assertClosesInTime(framework + " stop", app::close);

        Accounting.assertSettled(client.stats().logs(), EVENTS);
        SdkThreads.awaitNone();
    }

    @Test
    void julHandlerCloseReturnsWithinTheDeadline() {
        SeeStackHandler handler = new SeeStackHandler(SeeStackConfig.builder(n -> null).apiKey("k")
                .host(blackhole.host()).environment("test").flushIntervalMs(100).build());
        CallerLatency.measure(EVENTS, i -> {
            LogRecord record = new LogRecord(Level.INFO, "outage " + i);
            record.setLoggerName("app.jul");
            handler.publish(record);
        }).assertBounded("JUL during outage");
        SeeStackClient client = SeeStack.client();
        PollUntil.await("requests hang on the blackhole", () -> blackhole.accepted() >= 1);

        assertClosesInTime("SeeStackHandler.close()", handler::close);

        Accounting.assertSettled(client.stats().logs(), EVENTS);
        SdkThreads.awaitNone();
    }

    private static void assertClosesInTime(String what, Runnable close) {
        long start = System.nanoTime();
        close.run();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs <= MAX_CLOSE_MS, what + " took " + tookMs + " ms during the outage (max " + MAX_CLOSE_MS
                + ")");
    }
}
