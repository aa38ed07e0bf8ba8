package dev.seestack.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP forward proxy on a loopback port, like squid for a test: absolute-form requests for http targets,
 * {@code CONNECT} tunnels for https ones, optionally demanding Basic credentials (answering 407 without them).
 * Records what it relayed. One thread per connection; close() ends everything.
 */
public final class ForwardProxy implements AutoCloseable {
    private final ListeningSocket listener;
    private final String expectedAuthorization;
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger challenged = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    private ForwardProxy(String user, String password) {
        this.listener = ListeningSocket.on(InetAddress.getLoopbackAddress(), 50);
        this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        listener.serveEachOn("test-forward-proxy", "test-forward-proxy-conn", this::serve);
    }

    /** A proxy relaying for anyone. */
    public static ForwardProxy open() {
        return new ForwardProxy(null, null);
    }

    /** A proxy answering 407 to requests without {@code Proxy-Authorization: Basic user:password}. */
    public static ForwardProxy withCredentials(String user, String password) {
        return new ForwardProxy(user, password);
    }

    public int port() {
        return listener.port();
    }

    /** CONNECT tunnels established. */
    public int tunnels() {
        return tunnels.get();
    }

    /** Absolute-form requests relayed (the first of each connection). */
    public int forwarded() {
        return forwarded.get();
    }

    /** Requests answered 407 for lack of (right) credentials. */
    public int challenged() {
        return challenged.get();
    }

    /** The request line of every request the proxy read, in order. */
    public List<String> requestLines() {
        return requestLines;
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head == null) {
                    return;
                }
                String requestLine = head.get(0);
                requestLines.add(requestLine);
                String[] parts = requestLine.split(" ");
                long length = contentLength(head);
                if (expectedAuthorization != null && !expectedAuthorization.equals(header(head, "proxy-authorization"))) {
                    challenged.incrementAndGet();
                    in.readNBytes((int) length); // the body of a refused request, to read the next one
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                if (parts[0].equals("CONNECT")) {
                    String[] target = parts[1].split(":");
                    Socket upstream = listener.track(new Socket(target[0], Integer.parseInt(target[1])));
                    tunnels.incrementAndGet();
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    relay(client, upstream, new byte[0]);
                    return;
                }
                URI uri = URI.create(parts[1]);
                Socket upstream = listener.track(new Socket(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort()));
                forwarded.incrementAndGet();
                StringBuilder rewritten = new StringBuilder(parts[0] + " " + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " " + parts[2] + "\r\n");
                for (String h : head.subList(1, head.size())) {
                    String name = h.substring(0, Math.max(0, h.indexOf(':'))).toLowerCase(Locale.ROOT);
                    if (!name.startsWith("proxy-")) {
                        rewritten.append(h).append("\r\n");
                    }
                }
                rewritten.append("\r\n");
                // later requests on this connection go to the same target: relayed as they are
                relay(client, upstream, rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
        } catch (IOException ended) {
            // a side closed
        }
    }

    private void relay(Socket client, Socket upstream, byte[] first) throws IOException {
        upstream.getOutputStream().write(first);
        Thread back = new Thread(() -> pipe(upstream, client), "test-forward-proxy-back");
        back.setDaemon(true);
        back.start();
        pipe(client, upstream);
        try {
            back.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // a side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Reads a request head (request line and headers) or returns null at end of stream. */
    static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String l = line.toString(StandardCharsets.ISO_8859_1);
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                line.reset();
                if (l.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue;
                    }
                    return lines;
                }
                lines.add(l);
            } else {
                line.write(b);
            }
        }
        return null;
    }

    static String header(List<String> head, String name) {
        for (String h : head.subList(1, head.size())) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static long contentLength(List<String> head) {
        String v = header(head, "content-length");
        return v == null ? 0 : Long.parseLong(v);
    }

    @Override
    public void close() {
        listener.close();
    }
}
