package dev.seestack.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class DelayProxyTest {
    @Test
    void aRoundTripThroughA100msProxyTakesAtLeast100msAndKeepsTheBytes() throws Exception {
        try (EchoServer echo = EchoServer.onLoopback();
                DelayProxy proxy = DelayProxy.to("127.0.0.1", echo.port(), 100);
                Socket socket = connect(proxy)) {
            byte[] request = randomBytes(200, 1);
            long start = System.nanoTime();
            socket.getOutputStream().write(request);
            byte[] answer = socket.getInputStream().readNBytes(request.length);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertArrayEquals(request, answer);
            assertTrue(tookMs >= 100, "round trip took " + tookMs + " ms");
        }
    }

    @Test
    void fiveMegabytesGoThroughBothWaysIntact() throws Exception {
        try (EchoServer echo = EchoServer.onLoopback();
                DelayProxy proxy = DelayProxy.to("127.0.0.1", echo.port(), 100);
                Socket socket = connect(proxy)) {
            byte[] payload = randomBytes(5 * 1024 * 1024, 2);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    socket.getOutputStream().write(payload);
                    socket.shutdownOutput();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] answer = socket.getInputStream().readAllBytes();
            sent.get();
            assertArrayEquals(concat(payload, EchoServer.TRAILER), answer);
        }
    }

    @Test
    void aZeroDelayProxyPassesBytesStraightThrough() throws Exception {
        try (EchoServer echo = EchoServer.onLoopback();
                DelayProxy proxy = DelayProxy.to("127.0.0.1", echo.port(), 0);
                Socket socket = connect(proxy)) {
            for (int i = 0; i < 100; i++) {
                byte[] request = randomBytes(1000, i);
                socket.getOutputStream().write(request);
                assertArrayEquals(request, socket.getInputStream().readNBytes(request.length));
            }
        }
    }

    @Test
    void twoHundredConcurrentConnectionsEachGetTheirOwnBytesBackInOrder() throws Exception {
        int connections = 200;
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        try (EchoServer echo = EchoServer.onLoopback();
                DelayProxy proxy = DelayProxy.to("127.0.0.1", echo.port(), 20)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                done.add(clients.submit(() -> {
                    roundTrips(proxy, connection, 20);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertEquals(connections, proxy.connections());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aHalfCloseReachesTheServerAndItsAnswerAndCloseReachTheClient() throws Exception {
        try (EchoServer echo = EchoServer.onLoopback();
                DelayProxy proxy = DelayProxy.to("127.0.0.1", echo.port(), 20);
                Socket socket = connect(proxy)) {
            byte[] request = "hello".getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            assertArrayEquals(concat(request, EchoServer.TRAILER), in.readNBytes(request.length + EchoServer.TRAILER.length));
            assertEquals(-1, in.read(), "the server's close reaches the client as the end of its input");
            assertEquals(1, echo.ended());
        }
    }

    @Test
    void closeEndsTheProxyThreadAndClosesOpenConnections() throws Exception {
        try (EchoServer echo = EchoServer.onLoopback(); Socket socket = new Socket()) {
            DelayProxy proxy = DelayProxy.to("127.0.0.1", echo.port(), 20);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", proxy.port()));
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(1);
            assertEquals(1, socket.getInputStream().read());

            proxy.close();

            assertTrue(endOfInput(socket.getInputStream()), "the client's connection is closed");
            PollUntil.await("the upstream connection is closed", () -> echo.ended() == 1);
            PollUntil.await("no test-delay-proxy thread alive", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && t.getName().startsWith("test-delay-proxy")));
        }
    }

    /** Round trips of distinct payloads on one connection, each sent in pieces and checked as it comes back. */
    private static void roundTrips(DelayProxy proxy, int connection, int count) throws IOException {
        try (Socket socket = connect(proxy)) {
            for (int i = 0; i < count; i++) {
                byte[] request = randomBytes(100 + (connection * 31 + i * 97) % 4000, connection * 1000L + i);
                for (int from = 0; from < request.length; from += 700) {
                    socket.getOutputStream().write(request, from, Math.min(700, request.length - from));
                }
                assertArrayEquals(request, socket.getInputStream().readNBytes(request.length),
                        "connection " + connection + ", round trip " + i);
            }
        }
    }

    /** Whether the stream ends (or the connection is reset) rather than staying open until the read times out. */
    private static boolean endOfInput(InputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static Socket connect(DelayProxy proxy) throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }
}
