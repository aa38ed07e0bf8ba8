package dev.seestack.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP proxy that delays every chunk by a fixed time in each direction, so a round trip through it
 * takes {@code 2 x oneWayDelay} longer, like a backend in another region. Bytes still stream (a chunk read now
 * is written at now + delay), so throughput is not capped, only latency added. Shared by tests and benchmarks.
 *
 * <p>One selector thread ({@code test-delay-proxy}) serves every connection over non-blocking channels, so the
 * proxy costs little CPU next to the code it measures (about a tenth of a core for 64 connections doing some
 * 6 000 round trips a second, where a thread pair per direction cost four times that). A chunk is never written
 * before it is due; it is written a fraction of a millisecond after, more when many fall due at once.
 */
public final class DelayProxy implements AutoCloseable {
    private static final int BACKLOG = 200;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final long CLOSE_WAIT_MS = 5_000;
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final Selector selector;
    private final ServerSocketChannel server;
    private final int port;
    private final InetSocketAddress target;
    private final DelayLine line;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread loop;
    private volatile boolean closing;

    private DelayProxy(String targetHost, int targetPort, long oneWayDelayMs) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.line = new DelayLine(TimeUnit.MILLISECONDS.toNanos(oneWayDelayMs));
        try {
            this.selector = Selector.open();
            this.server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            this.port = server.socket().getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.loop = new Thread(this::run, "test-delay-proxy");
        loop.setDaemon(true);
        loop.start();
    }

    /** A proxy to {@code targetHost:targetPort} adding {@code roundTripMs} (half each way) to every round trip. */
    public static DelayProxy to(String targetHost, int targetPort, long roundTripMs) {
        return new DelayProxy(targetHost, targetPort, roundTripMs / 2);
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    private void run() {
        try {
            while (!closing) {
                select();
                line.writeDue(System.nanoTime());
            }
        } catch (IOException | RuntimeException failed) {
            // the selector itself failed: the proxy ends, closing everything
        } finally {
            closeAll();
        }
    }

    /** Waits for ready channels, or until the next chunk falls due. */
    private void select() throws IOException {
        long wait = line.nanosUntilNext(System.nanoTime());
        if (wait == Long.MAX_VALUE) {
            selector.select(this::ready);
        } else if (wait >= MILLI) {
            // whole milliseconds (the selector's resolution); the rest, under one, is parked out on the next turn
            selector.select(this::ready, wait / MILLI);
        } else {
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            selector.selectNow(this::ready);
        }
    }

    private void ready(SelectionKey key) {
        if (key.channel() == server) {
            acceptAll();
        } else {
            ((DelayedConnection) key.attachment()).ready(key);
        }
    }

    private void acceptAll() {
        try {
            SocketChannel client;
            while ((client = server.accept()) != null) {
                accepted.incrementAndGet();
                DelayedConnection.open(client, target, selector, line, readBuffer);
            }
        } catch (IOException e) {
            // a failed accept skips only that connection
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        closeQuietly(server);
        closeQuietly(selector);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing
        }
    }

    /** Closes the listener and every open connection, and ends the proxy thread. */
    @Override
    public void close() {
        if (!closing) {
            closing = true;
            selector.wakeup();
        }
        if (Thread.currentThread() != loop) {
            try {
                loop.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
