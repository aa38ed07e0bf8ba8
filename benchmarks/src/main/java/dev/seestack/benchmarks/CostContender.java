package dev.seestack.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One HTTP client of {@link CostReport}, sending the same log POST as every other: {@link #deliver} sends a phase's
 * requests and returns once each is answered. Each contender runs in a child JVM of its own ({@link CostChild}), so
 * the process CPU measured around a phase is the client's alone.
 */
interface CostContender extends AutoCloseable {
    /** The log POST each raw loop sends (307 bytes), the body the SDK sends for {@link SdkContender}'s log. */
    byte[] LOG_BODY = ("{\"level\":\"info\",\"message\":\"user 42 placed order 1234 in 35 ms\","
            + "\"service\":\"checkout\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
            + "\"metadata\":{\"durationMs\":35,\"thread\":\"http-nio-8080-exec-7\",\"customer\":\"42\","
            + "\"orderId\":\"1234\",\"logger\":\"com.example.checkout.OrderService\","
            + "\"timestamp\":\"2026-12-07T19:49:21.236Z\"}}")
            .getBytes(StandardCharsets.UTF_8);

    /** The ingest key header every contender sends. */
    String KEY_HEADER = "X-SeeStack-Key";

    /**
     * Where a contender sends: the server's base URI ({@code http://127.0.0.1:port} or {@code https://...}), the
     * trust store that holds the test server's certificate (null over http), and the requests in flight allowed.
     */
    record Endpoint(URI base, Path trustStore, int inFlight) {
        boolean https() {
            return base.getScheme().equals("https");
        }

        URI logs() {
            return base.resolve("/ingest/v1/logs");
        }

        /** {@code host:port}, the {@code Host} header of HTTP/1.1 and the {@code :authority} of HTTP/2. */
        String authority() {
            return base.getHost() + ":" + base.getPort();
        }
    }

    /** Sends every request {@code tickets} hands out, and returns once each was answered or failed. */
    void deliver(RequestTickets tickets, Tally tally) throws Exception;

    /** Builds the contender named {@code name} ({@link CostReport#CONTENDERS}) for {@code endpoint}. */
    static CostContender create(String name, Endpoint endpoint) throws Exception {
        return switch (name) {
            case "jdk" -> new JdkLoopContender(endpoint);
            case "apache" -> new ApacheAsyncContender(endpoint);
            case "netty" -> endpoint.https() ? new NettyH2Contender(endpoint) : new NettyH1Contender(endpoint);
            case "sdk" -> new SdkContender(endpoint);
            default -> throw new IllegalArgumentException("no JVM contender " + name);
        };
    }
}
