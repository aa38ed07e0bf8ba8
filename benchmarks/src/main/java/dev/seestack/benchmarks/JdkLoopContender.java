package dev.seestack.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK {@code HttpClient} as a plain load loop: {@code inFlight} threads each blocking in {@code send} and
 * discarding the body; HTTP/1.1 over http, HTTP/2 over https (what the client negotiates by ALPN).
 */
final class JdkLoopContender implements CostContender {
    private final HttpClient client;
    private final HttpRequest request;
    private final int threads;

    JdkLoopContender(Endpoint endpoint) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (endpoint.https()) {
            builder.version(HttpClient.Version.HTTP_2).sslContext(ClientTls.context(endpoint.trustStore()));
        } else {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        this.client = builder.build();
        this.request = HttpRequest.newBuilder(endpoint.logs()).header("Content-Type", "application/json")
                .header(KEY_HEADER, "bench").POST(HttpRequest.BodyPublishers.ofByteArray(LOG_BODY)).build();
        this.threads = endpoint.inFlight();
    }

    @Override
    public void deliver(RequestTickets tickets, Tally tally) throws InterruptedException {
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            senders.add(new Thread(() -> {
                while (tickets.take()) {
                    tally.count(sendOne());
                }
            }, "jdk-loop-" + i));
        }
        senders.forEach(Thread::start);
        for (Thread t : senders) {
            t.join();
        }
    }

    private boolean sendOne() {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        // the JDK 17 client has no close(); its selector thread ends once the client is collected
    }
}
