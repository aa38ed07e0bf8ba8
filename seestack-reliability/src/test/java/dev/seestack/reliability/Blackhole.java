package dev.seestack.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend that accepts TCP connections on loopback and never answers (WireMock cannot do that). */
final class Blackhole implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private Blackhole(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptForever, "blackhole-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts on a free loopback port. */
    static Blackhole start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        return new Blackhole(socket);
    }

    int port() {
        return server.getLocalPort();
    }

    String host() {
        return "http://127.0.0.1:" + port();
    }

    /** Connections accepted so far (each one a request that will never be answered). */
    int accepted() {
        return held.size();
    }

    private void acceptForever() {
        try {
            while (true) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            // closed by the test
        }
    }

    /** Stops listening and drops every held connection (the clients see them closed). */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
