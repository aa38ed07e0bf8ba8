package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.delivery.DeliveryPipeline;
import dev.seestack.reliability.LoggingApp.Framework;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 8 and 32 threads log as fast as they can through Logback and Log4j2 for a few seconds (system property
 * {@code reliability.loadSeconds}, 2 by default, 30 with {@code -Psoak}): no deadlock, no exception, the
 * buffers stay bounded, and every call is accounted for, exactly.
 */
@Timeout(180)
class LoadTest {
    private static final long LOAD_SECONDS = Long.getLong("reliability.loadSeconds", 2);
    /** Items a feature may hold at once: its buffer, plus the requests its window keeps in flight. */
    private static final long PENDING_BOUND = SeeStackConfig.DEFAULT_BUFFER_SIZE + DeliveryPipeline.MAX_IN_FLIGHT;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    @ParameterizedTest(name = "{0} with {1} threads")
    @CsvSource({"LOGBACK, 8", "LOGBACK, 32", "LOG4J2, 8", "LOG4J2, 32"})
    void threadsLoggingFlatOutStayBoundedAndAreAccountedForExactly(Framework framework, int threads)
            throws Exception {
        LoggingApp app = LoggingApp.start(framework, stub.host());
        SeeStackClient client = app.client();
        AtomicLong logCalls = new AtomicLong();
        AtomicLong errorCalls = new AtomicLong();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CaptureGate gate = new CaptureGate();
        CountDownLatch done = new CountDownLatch(threads);
        LongAccumulator maxPendingLogs = new LongAccumulator(Math::max, 0);
        LongAccumulator maxPendingErrors = new LongAccumulator(Math::max, 0);

        Thread[] loggers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            loggers[t] = new Thread(() -> {
                long n = 0;
                try {
                    while (running.get()) {
                        if (!gate.enter()) {
                            continue;
                        }
                        try {
                            if (++n % 1000 == 0) {
                                app.error("failure " + id + "-" + n,
                                        new IllegalStateException("load " + id + "-" + n));
                                errorCalls.incrementAndGet();
                            } else {
                                app.info("load " + id + "-" + n);
                            }
                            logCalls.incrementAndGet();
                        } finally {
                            gate.exit();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "app-logger-" + t);
            loggers[t].start();
        }
        long end = System.nanoTime() + Duration.ofSeconds(LOAD_SECONDS).toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(100); // sampling period of the monitor, not a wait for a condition
            // a snapshot of counters is only exact while no capture is running: hold the loggers for a moment
            gate.close();
            try {
                FeatureStats s = client.stats().logs();
                maxPendingLogs.accumulate(s.pending());
                maxPendingErrors.accumulate(client.stats().errors().pending());
                Accounting.assertBalanced(s);
            } finally {
                gate.open();
            }
        }
        running.set(false);
        assertTrue(done.await(30, java.util.concurrent.TimeUnit.SECONDS), "every logging thread finished (no deadlock)");
        assertEquals(List.of(), List.copyOf(failures), "no logging call threw");

        // up to a full buffer (10 000 logs) waits: drained here rather than within close's 5 s deadline, which counts
        // a request still unanswered at the deadline as droppedDisabled although the stub may have journaled it
        assertTrue(client.flush(Duration.ofSeconds(60)), "everything buffered was delivered");
        app.close();
        SdkThreads.awaitNone();

        FeatureStats logs = client.stats().logs();
        FeatureStats errors = client.stats().errors();
        System.out.printf("LOAD %s x%d: %d log calls (%d/s), logs %s, errors %s, max pending logs %d errors %d%n",
                framework, threads, logCalls.get(), logCalls.get() / LOAD_SECONDS, logs, errors,
                maxPendingLogs.get(), maxPendingErrors.get());
        Accounting.assertSettled(logs, logCalls.get());
        Accounting.assertSettled(errors, errorCalls.get());
        assertTrue(maxPendingLogs.get() <= PENDING_BOUND, "logs held at most " + PENDING_BOUND + ": "
                + maxPendingLogs.get());
        assertTrue(maxPendingErrors.get() <= PENDING_BOUND, "errors held at most " + PENDING_BOUND + ": "
                + maxPendingErrors.get());
        assertTrue(logs.sent() > 0 && errors.sent() > 0, "delivery went on under load: " + logs + " " + errors);
        PollUntil.await(Duration.ofSeconds(20), "the stub journaled every request the client counted as sent",
                () -> stub.count(IngestStub.LOGS) >= logs.sent() && stub.count(IngestStub.ERRORS) >= errors.sent());
        assertEquals(logs.sent(), stub.count(IngestStub.LOGS), "sent = requests the backend accepted");
        assertEquals(errors.sent(), stub.count(IngestStub.ERRORS), "sent = requests the backend accepted");
    }

    /** Lets the monitor stop every logging thread between two calls, to read the counters at rest. */
    private static final class CaptureGate {
        private final AtomicLong inside = new AtomicLong();
        private volatile boolean closed;

        boolean enter() {
            if (closed) {
                Thread.onSpinWait();
                return false;
            }
            inside.incrementAndGet();
            if (closed) {
                inside.decrementAndGet();
                return false;
            }
            return true;
        }

        void exit() {
            inside.decrementAndGet();
        }

        void close() {
            closed = true;
            while (inside.get() > 0) {
                Thread.onSpinWait();
            }
        }

        void open() {
            closed = false;
        }
    }
}
