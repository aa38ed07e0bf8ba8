package dev.seestack.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * A loopback ingest server that answers 202 to everything and counts requests, as the delivery
 * benchmarks' target; loki4j pushes (204) and Sentry envelopes (200) are answered as their backends do and
 * counted as records ({@link PeerRecords}). Bodies whose message is {@code "t<nanoTime>"} feed a send-to-receipt latency recorder
 * (valid because server and client share the JVM's monotonic clock).
 */
public final class CountingServer implements AutoCloseable {
    private static final byte[] ACCEPTED = ("{\"success\":true,\"data\":{\"id\":\"5f0c6a5e-0000-4000-8000-000000000001\"},"
            + "\"meta\":{\"requestId\":\"5f0c6a5e-0000-4000-8000-000000000002\",\"timestamp\":\"2026-01-01T00:00:00Z\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final LongAdder requests = new LongAdder();
    private final LongAdder items = new LongAdder();
    private final LongAdder peerRecords = new LongAdder();
    private final Recorder latencyMicros = new Recorder(3);

    private CountingServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts on a free loopback port with {@code threads} workers; sets {@code sun.net.httpserver.nodelay} and
     * raises {@code sun.net.httpserver.maxIdleConnections} (200 by default, fewer than a client's window of 256
     * connections: the server would close the surplus between requests and every round trip reconnect).
     */
    public static CountingServer start(int threads) throws IOException {
        // without TCP_NODELAY every answer waits ~40 ms for Nagle + delayed ACK (see PERF-NOTES)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "1000");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "counting-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        CountingServer counting = new CountingServer(server, executor);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (PeerRecords.isPeer(path)) {
                counting.peerRecords.add(PeerRecords.count(path, body,
                        exchange.getRequestHeaders().getFirst("Content-Encoding")));
                exchange.sendResponseHeaders(PeerRecords.status(path), -1);
                exchange.close();
                return;
            }
            counting.record(path, body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, ACCEPTED.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ACCEPTED);
            }
        });
        server.start();
        return counting;
    }

    private void record(String path, byte[] body) {
        requests.increment();
        String s = new String(body, StandardCharsets.ISO_8859_1);
        if (path.endsWith("/http-requests")) {
            for (int at = s.indexOf("\"direction\""); at >= 0; at = s.indexOf("\"direction\"", at + 1)) {
                items.increment();
            }
            return;
        }
        int at = s.indexOf("\"message\":\"t");
        if (at < 0) {
            items.increment();
            return;
        }
        int start = at + 12;
        int end = start;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        items.increment();
        if (end > start) {
            long sentAt = Long.parseLong(s.substring(start, end));
            latencyMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentAt)));
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long requests() {
        return requests.sum();
    }

    /** Items received: one per log/error/heartbeat request, one per element of an HTTP-requests batch. */
    public long items() {
        return items.sum();
    }

    /** Log records received from peer appenders (loki4j pushes, Sentry envelopes), not counted as requests. */
    public long peerRecords() {
        return peerRecords.sum();
    }

    /** Send-to-receipt latencies (µs) recorded since the last call. */
    public org.HdrHistogram.Histogram takeLatencies() {
        return latencyMicros.getIntervalHistogram();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
