package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
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
 * With the backend blackholed the buffers stay full; at the default {@code bufferSize} (500 per feature) and
 * realistic 1–5 KB events, the heap the SDK retains stays under the 15 MB the documentation promises.
 */
@Timeout(90)
class FullBufferHeapTest {
    static final long PROMISED_BYTES = 15L * 1024 * 1024;
    private static final int EVENTS = 3 * SeeStackConfig.DEFAULT_BUFFER_SIZE;

    @Test
    void fullLogAndErrorBuffersRetainLessThanFifteenMegabytes() throws Exception {
        Blackhole blackhole = Blackhole.start();
        LoggingApp.Logback app = LoggingApp.logback("reliability-logback.xml", blackhole.host());
        try {
            SeeStackClient client = app.client();
            app.info("warm-up");
            PollUntil.await("the first request hangs on the blackhole", () -> blackhole.accepted() >= 1);
            long before = usedHeapAfterGc();

            Random random = new Random(42);
            for (int i = 0; i < EVENTS; i++) {
                MDC.put("traceId", "trace-" + i);
                MDC.put("userId", "user-" + (i % 97));
                MDC.put("requestPath", "/api/orders/" + i);
                app.logger().info("order {} {}", i, text(random, 1024 + random.nextInt(4 * 1024)));
                app.logger().error("payment failed for order " + i,
                        new IllegalStateException("gateway said: " + text(random, 512 + random.nextInt(2048))));
            }
            MDC.clear();
            PollUntil.await("every sender hangs on the blackhole",
                    () -> blackhole.accepted() >= ClientComponents.DEFAULT_SENDER_THREADS);
            FeatureStats logs = client.stats().logs();
            FeatureStats errors = client.stats().errors();
            assertTrue(logs.droppedBufferFull() > 0 && errors.droppedBufferFull() > 0, "both buffers are full: "
                    + logs + " " + errors);
            long after = usedHeapAfterGc();

            long retained = after - before;
            System.out.printf("HEAP retained with full log and error buffers: %.2f MB (%d bytes); logs %s errors %s%n",
                    retained / 1048576.0, retained, logs, errors);
            assertTrue(retained < PROMISED_BYTES, "retained " + retained + " bytes");
        } finally {
            blackhole.close();
            app.close();
        }
        SdkThreads.awaitNone();
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
