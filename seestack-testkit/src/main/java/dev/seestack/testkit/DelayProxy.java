package dev.seestack.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy that delays every chunk by a fixed time in each direction, so a round trip through it
 * takes {@code 2 x oneWayDelay} longer, like a backend in another region. Bytes still stream (a chunk read now
 * is written at now + delay), so throughput is not capped, only latency added. Shared by tests and benchmarks.
 */
public final class DelayProxy implements AutoCloseable {
    private final ListeningSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final long oneWayDelayNanos;

    private DelayProxy(String targetHost, int targetPort, long oneWayDelayMs) {
        this.listener = ListeningSocket.on(InetAddress.getLoopbackAddress(), 200);
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.oneWayDelayNanos = TimeUnit.MILLISECONDS.toNanos(oneWayDelayMs);
        listener.acceptOn("test-delay-proxy", this::connect);
    }

    /** A proxy to {@code targetHost:targetPort} adding {@code roundTripMs} (half each way) to every round trip. */
    public static DelayProxy to(String targetHost, int targetPort, long roundTripMs) {
        return new DelayProxy(targetHost, targetPort, roundTripMs / 2);
    }

    public int port() {
        return listener.port();
    }

    /** Connections accepted so far. */
    public int connections() {
        return listener.accepted();
    }

    private void connect(Socket client) throws IOException {
        client.setTcpNoDelay(true);
        Socket upstream = listener.track(new Socket(targetHost, targetPort));
        upstream.setTcpNoDelay(true);
        delayed(client, upstream);
        delayed(upstream, client);
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
        listener.close();
    }
}
