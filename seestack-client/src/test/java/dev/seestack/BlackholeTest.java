package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.event.Feature;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A backend that accepts connections and never answers must not slow the application down. */
@Timeout(60)
class BlackholeTest {
    @Test
    void captureCallsReturnPromptlyWhileTheBackendHangsAndCloseStopsEveryThread() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(blackhole.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            }, "blackhole-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();

            SeeStackClient client = SeeStackClient.create(SeeStackConfig.builder(n -> null).apiKey("k")
                    .host("http://127.0.0.1:" + blackhole.getLocalPort()).environment("test").bufferSize(100).build(),
                    ClientComponents.defaults().shutdownHook(false));
            // a blocking call would take the 5 s request timeout each; 2 000 calls must finish far sooner
            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                for (int i = 0; i < 1000; i++) {
                    client.captureLog("info", "log " + i, null);
                    client.captureError(new RuntimeException("error " + i));
                }
            });
            PollUntil.await("senders are stuck on the blackhole", () -> held.size() >= 1);
            // pending is derived from the counters; count it where the items are and compare, while requests hang
            PollUntil.await("pending counted where the items are (buffered + in flight + waiting for retry)"
                    + " equals the pending derived from the counters",
                    () -> client.core().heldItems(Feature.LOGS) == client.stats().logs().pending()
                            && client.core().heldItems(Feature.LOGS) > 0);

            assertTimeoutPreemptively(Duration.ofSeconds(8), client::close);
            PollUntil.await("no seestack thread left", () -> SdkThreads.names().isEmpty());
            FeatureStats logs = client.stats().logs();
            assertEquals(1000, logs.captured());
            assertTrue(logs.droppedBufferFull() >= 800, logs.toString());
            // after close nothing is held anywhere, so nothing may be left pending: every item's fate was counted
            assertEquals(0, client.core().heldItems(Feature.LOGS));
            assertEquals(0, logs.pending(), logs.toString());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
