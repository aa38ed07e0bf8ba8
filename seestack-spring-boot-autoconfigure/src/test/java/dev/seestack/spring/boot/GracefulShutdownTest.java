package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.spring.boot.graceful.GracefulShopApp;
import dev.seestack.testkit.ChildJvm;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Boot application in a child JVM gets SIGTERM ({@code Process.destroy()}) while it logs continuously and serves
 * slow requests: every log written before its context closed arrives, and so do the in-flight requests' logs,
 * each exactly once. The SDK's own JVM shutdown hook is off; the starter closes the client at the context's end.
 */
@Timeout(120)
class GracefulShutdownTest {
    private static final int REQUESTS = 4;

    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @Test
    void sigtermDeliversEveryLogWrittenBeforeTheContextClosedExactlyOnce() throws Exception {
        // no console lines: stdout carries the app's protocol lines only
        try (ChildJvm app = ChildJvm.start(GracefulShopApp.class, "--server.port=0", "--seestack.host=" + stub.host(),
                "--seestack.api-key=" + IngestStub.API_KEY, "--seestack.buffer-size=20000",
                "--seestack.flush-interval-ms=200", "--logging.threshold.console=OFF")) {
            int port = Integer.parseInt(app.awaitLine(Duration.ofSeconds(60), "PORT "));
            PollUntil.await(Duration.ofSeconds(30), "background logs arriving",
                    () -> messages("background ").size() > 50);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                URI uri = URI.create("http://127.0.0.1:" + port + "/slow?i=" + i);
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
            }
            PollUntil.await(Duration.ofSeconds(30), "every request in flight",
                    () -> IntStream.range(0, REQUESTS).allMatch(i -> app.lines().contains("STARTED " + i)));

            app.terminate(Duration.ofSeconds(60));
            String output = app.output();
            assertTrue(output.contains("LOGGED "), output);

            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                assertEquals(200, f.get(10, TimeUnit.SECONDS).statusCode(), "graceful shutdown lets it finish");
            }
            int logged = Integer.parseInt(app.line("LOGGED "));
            Map<String, Long> background = count(messages("background "));
            for (int i = 0; i < logged; i++) {
                assertEquals(1L, background.getOrDefault("background " + i, 0L), "background " + i + "\n" + output);
            }
            Map<String, Long> slow = count(messages("slow done "));
            for (int i = 0; i < REQUESTS; i++) {
                assertEquals(1L, slow.getOrDefault("slow done " + i, 0L), "slow done " + i + "\n" + output);
            }
        }
    }

    private static List<String> messages(String prefix) {
        return StubBackend.json(stub.bodies(IngestStub.LOGS)).stream().map(l -> l.path("message").asText())
                .filter(m -> m.startsWith(prefix)).collect(Collectors.toList());
    }

    private static Map<String, Long> count(List<String> messages) {
        return messages.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
