package dev.seestack.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The request ceiling of a server on this machine as a plain load generator sees it: {@code threads} threads
 * in a tight blocking {@code HttpClient.send} loop posting a 150-byte log body, keep-alive.
 */
public final class RequestCeiling {
    static final byte[] LOG_BODY = ("{\"level\":\"info\",\"message\":\"user 42 placed order 1234 in 35 ms\","
            + "\"service\":\"checkout\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}").getBytes(StandardCharsets.UTF_8);

    private RequestCeiling() {
    }

    /** Requests per second reached over {@code duration}. */
    public static double measure(String url, int threads, Duration duration) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/ingest/v1/logs"))
                .header("Content-Type", "application/json").header("X-SeeStack-Key", "bench")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LOG_BODY)).build();
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        client.send(request, HttpResponse.BodyHandlers.discarding());
                        done.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        // counted as not done
                    }
                }
            });
            workers.add(t);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return done.sum() / seconds;
    }
}
