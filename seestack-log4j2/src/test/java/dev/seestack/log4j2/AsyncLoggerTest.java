package dev.seestack.log4j2;

import static dev.seestack.log4j2.Log4jFixture.metadataOf;
import static dev.seestack.log4j2.Log4jFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.async.AsyncLoggerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The appender behind {@code <AsyncRoot>} (log4j2-seestack-async.xml): Log4j2 appends on its Disruptor thread
 * from reused ring-buffer events, so the appender must copy everything it reads.
 */
@Timeout(90)
class AsyncLoggerTest {
    private static final int THREADS = 4;
    private static final int EVENTS_PER_THREAD = 40;

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final Log4jContexts log4j = Log4jContexts.startedBeforeEach(stub, "log4j2-seestack-async.xml");

    @Test
    void usesAsyncLoggerConfig() {
        assertTrue(log4j.context().getConfiguration().getRootLogger() instanceof AsyncLoggerConfig);
    }

    @Test
    void keepsEachEventsThreadContextWhenManyThreadsLogRapidly() throws InterruptedException {
        Logger logger = log4j.context().getLogger("com.acme.Async");
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    String id = worker + "-" + i;
                    ThreadContext.put("traceId", "trace-" + id);
                    ThreadContext.put("userId", "user-" + id);
                    logger.info("event {}", id);
                }
                ThreadContext.clearMap();
            }, "worker-" + t);
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        int expected = THREADS * EVENTS_PER_THREAD;
        List<String> bodies = stub.awaitBodies(IngestStub.LOGS, expected);
        Log4jFixture.flush();
        assertEquals(expected, stub.count(IngestStub.LOGS));
        Set<String> seen = new HashSet<>();
        for (String body : bodies) {
            Map<String, Object> log = parse(body);
            String id = ((String) log.get("message")).substring("event ".length());
            assertEquals("trace-" + id, log.get("traceId"), body);
            Map<String, Object> metadata = metadataOf(log);
            assertEquals("user-" + id, metadata.get("userId"), body);
            assertEquals("worker-" + id.substring(0, id.indexOf('-')), metadata.get("thread"), body);
            assertTrue(seen.add(id), "duplicate " + body);
        }
        stub.assertAllBodiesValid();
    }

    @Test
    void shipsErrorsLoggedThroughAsyncLoggers() {
        ThreadContext.put("traceId", "trace-async-error");
        try {
            log4j.context().getLogger("com.acme.Async").error("async failure", new IllegalStateException("boom"));
        } finally {
            ThreadContext.clearMap();
        }

        Map<String, Object> error = Log4jFixture.single(stub, IngestStub.ERRORS);
        assertEquals("boom", error.get("message"));
        Map<String, Object> metadata = metadataOf(error);
        assertEquals("trace-async-error", metadata.get("traceId"));
        assertEquals(Thread.currentThread().getName(), metadata.get("thread"));
        stub.assertAllBodiesValid();
    }
}
