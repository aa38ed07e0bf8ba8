package dev.seestack.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The listening socket of a test server (proxies, scripted servers) with its accept loop, keeping every socket
 * its connections open so that {@link #close()} ends them all together with the listener.
 */
public final class ListeningSocket implements AutoCloseable {
    /** What to do with an accepted connection, on the accepting thread; a failure skips only that connection. */
    public interface Accepted {
        void accept(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private ListeningSocket(ServerSocket server) {
        this.server = server;
    }

    /** Listens on an ephemeral port of {@code address}. */
    public static ListeningSocket on(InetAddress address, int backlog) {
        return on(address, 0, backlog);
    }

    /**
     * Listens on {@code port} of {@code address} (0: an ephemeral one); with {@code SO_REUSEADDR}, so a server
     * restarted on the port it had is not refused for its old connections' {@code TIME_WAIT}.
     */
    public static ListeningSocket on(InetAddress address, int port, int backlog) {
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), backlog);
            return new ListeningSocket(server);
        } catch (IOException e) {
            closeQuietly(server);
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Keeps {@code socket} (e.g. an upstream connection) to close it with the listener; returns it. */
    public Socket track(Socket socket) {
        sockets.add(socket);
        return socket;
    }

    /** Accepts on a daemon thread named {@code threadName} until closed, handing each connection to {@code then}. */
    public void acceptOn(String threadName, Accepted then) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = track(server.accept());
                    if (server.isClosed()) {
                        socket.close(); // accepted as the listener closed, after close() ended its connections
                        return;
                    }
                    accepted.incrementAndGet();
                    then.accept(socket);
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        }, threadName);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Like {@link #acceptOn}, serving each connection on a daemon thread of its own named {@code connectionName}. */
    public void serveEachOn(String threadName, String connectionName, Consumer<Socket> serve) {
        acceptOn(threadName, socket -> {
            Thread t = new Thread(() -> serve.accept(socket), connectionName);
            t.setDaemon(true);
            t.start();
        });
    }

    private static void closeQuietly(ServerSocket server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // it failed already
            }
        }
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
