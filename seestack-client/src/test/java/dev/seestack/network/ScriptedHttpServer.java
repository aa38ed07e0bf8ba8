package dev.seestack.network;

import dev.seestack.testkit.ListeningSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A raw HTTP/1.x server on a loopback socket whose answers a test writes byte for byte (interim responses,
 * HTTP/1.0, closing after each response), for the edges a full server would smooth over.
 */
final class ScriptedHttpServer implements AutoCloseable {
    /**
     * One request as received: its head lines (request line first), body, and place on its connection (0 for the
     * first request a connection carried, 1 for the next on the same connection, ...).
     */
    record Request(List<String> head, String body, int onConnection) {
        String header(String name) {
            for (String h : head.subList(1, head.size())) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** What to write back, and whether to close the connection after it. */
    record Answer(String raw, boolean close) {
        static Answer keepOpen(String raw) {
            return new Answer(raw, false);
        }

        static Answer thenClose(String raw) {
            return new Answer(raw, true);
        }
    }

    private final ListeningSocket listener;
    private final Function<Request, Answer> script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedHttpServer(InetAddress address, Function<Request, Answer> script) {
        this(address, 0, script);
    }

    /** Listens on {@code port} (0: an ephemeral one); the script runs on the connection's thread. */
    ScriptedHttpServer(InetAddress address, int port, Function<Request, Answer> script) {
        this.listener = ListeningSocket.on(address, port, 50);
        this.script = script;
        listener.serveEachOn("scripted-http-server", "scripted-http-conn", this::serve);
    }

    static ScriptedHttpServer onLoopback(Function<Request, Answer> script) {
        return new ScriptedHttpServer(InetAddress.getLoopbackAddress(), script);
    }

    int port() {
        return listener.port();
    }

    List<Request> requests() {
        return requests;
    }

    int connections() {
        return listener.accepted();
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            for (int onConnection = 0; ; onConnection++) {
                List<String> head = readHead(in);
                if (head == null) {
                    return;
                }
                Request partial = new Request(head, "", onConnection);
                String length = partial.header("Content-Length");
                byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
                Request request = new Request(head, new String(body, StandardCharsets.UTF_8), onConnection);
                requests.add(request);
                Answer answer = script.apply(request);
                out.write(answer.raw().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (answer.close()) {
                    return;
                }
            }
        } catch (IOException ended) {
            // the client closed
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String l = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
                line.reset();
                if (l.isEmpty()) {
                    return lines.isEmpty() ? null : lines;
                }
                lines.add(l);
            } else {
                line.write(b);
            }
        }
        return null;
    }

    @Override
    public void close() {
        listener.close();
    }
}
