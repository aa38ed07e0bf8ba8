package dev.seestack.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that delays every chunk by a fixed time in each direction, so a round trip through it
 * takes {@code 2 x oneWayDelay} longer, like a backend in another region. Bytes still stream (a chunk read now
 * is written at now + delay), so throughput is not capped, only latency added. Shared by tests and benchmarks.
 */
public final class DelayProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final long oneWayDelayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private DelayProxy(String targetHost, int targetPort, long oneWayDelayMs) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.oneWayDelayNanos = TimeUnit.MILLISECONDS.toNanos(oneWayDelayMs);
        Thread acceptor = new Thread(this::accept, "test-delay-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy to {@code targetHost:targetPort} adding {@code roundTripMs} (half each way) to every round trip. */
    public static DelayProxy to(String targetHost, int targetPort, long roundTripMs) {
        try {
            return new DelayProxy(targetHost, targetPort, roundTripMs / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Socket upstream = new Socket(targetHost, targetPort);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                connections.incrementAndGet();
                delayed(client, upstream);
                delayed(upstream, client);
            } catch (IOException closed) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** A reader queueing each chunk with its due time and a writer sending it when due. */
    private void delayed(Socket from, Socket to) {
        BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    queue.add(new Object[] {System.nanoTime() + oneWayDelayNanos, Arrays.copyOf(buffer, n)});
                }
            } catch (IOException ended) {
                // a side closed
            }
            queue.add(new Object[] {System.nanoTime() + oneWayDelayNanos, null});
        }, "test-delay-proxy-read");
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Object[] chunk = queue.take();
                    long wait = (long) chunk[0] - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait); // the simulated network latency itself
                    }
                    if (chunk[1] == null) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write((byte[]) chunk[1]);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // a side closed
            }
        }, "test-delay-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
