package dev.seestack.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server echoing every chunk back as it arrives; at the end of a connection's input it answers
 * {@link #TRAILER} and closes, so a client can tell that its half-close got through.
 */
final class EchoServer implements AutoCloseable {
    /** What the server writes once it has read a connection's end, before closing it. */
    static final byte[] TRAILER = "<end seen>".getBytes(StandardCharsets.US_ASCII);

    private final ListeningSocket listener = ListeningSocket.on(InetAddress.getLoopbackAddress(), 256);
    private final AtomicInteger ended = new AtomicInteger();

    private EchoServer() {
        listener.serveEachOn("test-echo", "test-echo-connection", this::echo);
    }

    static EchoServer onLoopback() {
        return new EchoServer();
    }

    int port() {
        return listener.port();
    }

    /** Connections whose input has ended (an end of stream or a failure). */
    int ended() {
        return ended.get();
    }

    private void echo(Socket socket) {
        byte[] buffer = new byte[16 * 1024];
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            ended.incrementAndGet();
            out.write(TRAILER);
        } catch (IOException closed) {
            ended.incrementAndGet();
        }
    }

    @Override
    public void close() {
        listener.close();
    }
}
