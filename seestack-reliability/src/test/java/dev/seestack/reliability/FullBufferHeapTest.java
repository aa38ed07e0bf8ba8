package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.ClientStats;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.ClientComponents;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

/**
 * With the backend blackholed the buffers stay full; at the defaults ({@code bufferSize} 10 000 items and
 * {@code bufferBytes} 4 MiB per feature), the heap the SDK retains with full log, error and HTTP buffers stays under
 * the 15 MB the documentation promises, whether the events are 1–5 KB or ~300-byte logs.
 */
@Timeout(180)
class FullBufferHeapTest {
    static final long PROMISED_BYTES = 15L * 1024 * 1024;
    /** Events of each kind offered: three times what a full buffer holds of the smaller ones. */
    private static final int LARGE_EVENTS = 3 * (int) (SeeStackConfig.DEFAULT_BUFFER_BYTES / 1024);
    private static final int SMALL_EVENTS = 3 * SeeStackConfig.DEFAULT_BUFFER_SIZE;

    @Test
    void fullLogErrorAndHttpBuffersOfOneToFiveKilobyteEventsRetainLessThanFifteenMegabytes() throws Exception {
        Random random = new Random(42);
        ClientStats stats = fillBuffers("1-5 KB events", LARGE_EVENTS, (app, i) -> {
            MDC.put("traceId", "trace-" + i);
            MDC.put("userId", "user-" + (i % 97));
            MDC.put("requestPath", "/api/orders/" + i);
            app.logger().info("order {} {}", i, text(random, 1024 + random.nextInt(4 * 1024)));
            app.logger().error("payment failed for order " + i,
                    new IllegalStateException("gateway said: " + text(random, 512 + random.nextInt(2048))));
            app.client().captureHttpRequest(httpItem(i));
        });
        assertTrue(stats.errors().droppedBufferFull() > 0, "the error buffer is full: " + stats.errors());
    }

    @Test
    void fullBuffersOfThreeHundredByteLogsRetainLessThanFifteenMegabytesAndHoldThreeSecondsOfLogs() throws Exception {
        Random random = new Random(7);
        ClientStats stats = fillBuffers("~300-byte logs", SMALL_EVENTS, (app, i) -> {
            MDC.put("traceId", "trace-" + i);
            MDC.put("userId", "user-" + (i % 97));
            // with logger, thread, level, service and timestamp ~300 bytes of JSON
            app.logger().info("order {} {}", i, text(random, 80 + random.nextInt(40)));
            if (i % 3 == 0) {
                app.logger().error("payment failed for order " + i,
                        new IllegalStateException("gateway said: " + text(random, 100)));
            }
            app.client().captureHttpRequest(httpItem(i));
        });
        // each log has an MDC of its own here, the worst case (~600 estimated bytes each, ~800 retained)
        assertTrue(stats.logs().pending() >= 6_000, "a full log buffer holds 3 s of 2 000 logs/s: " + stats.logs());
    }

    /** Offers {@code events} rounds of {@code round} with the backend blackholed, and checks the heap retained. */
    private static ClientStats fillBuffers(String what, int events, Round round) throws Exception {
        Blackhole blackhole = Blackhole.start();
        LoggingApp.Logback app = LoggingApp.logback("reliability-logback-heap.xml", blackhole.host());
        try {
            SeeStackClient client = app.client();
            app.info("warm-up");
            PollUntil.await("the first request hangs on the blackhole", () -> blackhole.accepted() >= 1);
            long before = usedHeapAfterGc();

            for (int i = 0; i < events; i++) {
                round.accept(app, i);
            }
            MDC.clear();
            PollUntil.await("every sender hangs on the blackhole",
                    () -> blackhole.accepted() >= ClientComponents.DEFAULT_SENDER_THREADS);
            ClientStats stats = client.stats();
            FeatureStats logs = stats.logs();
            assertTrue(logs.droppedBufferFull() > 0, "the log buffer is full: " + logs);
            long after = usedHeapAfterGc();

            long retained = after - before;
            System.out.printf("HEAP retained with full buffers of %s: %.2f MB (%d bytes); logs %s errors %s http %s%n",
                    what, retained / 1048576.0, retained, logs, stats.errors(), stats.httpRequests());
            assertTrue(retained < PROMISED_BYTES, "retained " + retained + " bytes");
            return stats;
        } finally {
            blackhole.close();
            app.close();
            SdkThreads.awaitNone();
        }
    }

    private interface Round {
        void accept(LoggingApp.Logback app, int i);
    }

    private static HttpRequestEvent httpItem(int i) {
        return HttpRequestEvent.builder().method("GET").host("shop.example.com").path("/api/orders/" + i + "/items").statusCode(200)
                .durationMs(12).traceId("trace-" + i).build();
    }

    /** The least used heap over several collections: the live set, without garbage still awaiting collection. */
    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50); // lets reference processing and finalization settle between samples
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Printable text of {@code length} characters, like a real log line (mostly ASCII, a few accents). */
    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 =:,.-_/é";
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
