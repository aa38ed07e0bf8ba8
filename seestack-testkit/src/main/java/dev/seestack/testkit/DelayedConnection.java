package dev.seestack.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A client connection of the delay proxy and its upstream connection, both non-blocking on the proxy's selector:
 * what one side sends is read at once and written to the other side when due; either side's end is passed on
 * as a half-close, and the pair is closed once both ends have been passed on or a write fails.
 */
final class DelayedConnection {
    private final SocketChannel client;
    private final SocketChannel upstream;
    private final DelayLine line;
    private final ByteBuffer readBuffer;
    private final DelayedStream up = new DelayedStream();
    private final DelayedStream down = new DelayedStream();
    private SelectionKey clientKey;
    private SelectionKey upstreamKey;
    private boolean connected;
    private boolean closed;

    private DelayedConnection(SocketChannel client, SocketChannel upstream, DelayLine line, ByteBuffer readBuffer) {
        this.client = client;
        this.upstream = upstream;
        this.line = line;
        this.readBuffer = readBuffer;
    }

    /** Starts proxying an accepted {@code client} to {@code target}: connects upstream without blocking. */
    static void open(SocketChannel client, InetSocketAddress target, Selector selector, DelayLine line,
            ByteBuffer readBuffer) throws IOException {
        SocketChannel upstream = null;
        try {
            upstream = SocketChannel.open();
            DelayedConnection connection = new DelayedConnection(client, upstream, line, readBuffer);
            for (SocketChannel channel : new SocketChannel[] {client, upstream}) {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            connection.connected = upstream.connect(target);
            connection.clientKey = client.register(selector, 0, connection);
            connection.upstreamKey = upstream.register(selector, 0, connection);
            connection.updateInterest();
        } catch (IOException | RuntimeException e) {
            client.close();
            if (upstream != null) {
                upstream.close();
            }
            throw e;
        }
    }

    /** Handles what the selector found ready on one of the two channels. */
    void ready(SelectionKey key) {
        if (closed) {
            return;
        }
        try {
            if (key.isConnectable()) {
                connected = upstream.finishConnect();
            }
            if (key.isValid() && key.isReadable()) {
                boolean fromClient = key == clientKey;
                long due = line.dueFromNow();
                if ((fromClient ? up : down).readFrom(fromClient ? client : upstream, readBuffer, due)) {
                    line.schedule(due, this);
                }
            }
            if (key.isValid() && (key.isWritable() || key.isConnectable())) {
                write(System.nanoTime());
            } else {
                updateInterest();
            }
        } catch (IOException | CancelledKeyException e) {
            close();
        }
    }

    /** Writes what is due by {@code now} in both directions (the upstream one once connected). */
    void writeDue(long now) {
        if (closed) {
            return;
        }
        try {
            write(now);
        } catch (IOException | CancelledKeyException e) {
            close();
        }
    }

    private void write(long now) throws IOException {
        if (connected) {
            up.writeDue(upstream, now);
        }
        down.writeDue(client, now);
        updateInterest();
    }

    private void updateInterest() throws IOException {
        if (up.ended() && down.ended()) {
            close();
            return;
        }
        clientKey.interestOps(ops(up, down));
        upstreamKey.interestOps(connected ? ops(down, up) : SelectionKey.OP_CONNECT);
    }

    /** A channel's interest: reading what it sends into {@code from}, writing {@code to}'s chunks to it. */
    private static int ops(DelayedStream from, DelayedStream to) {
        return (from.wantsRead() ? SelectionKey.OP_READ : 0) | (to.blocked() ? SelectionKey.OP_WRITE : 0);
    }

    private void close() {
        closed = true;
        for (SocketChannel channel : new SocketChannel[] {client, upstream}) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
