package dev.seestack.internal.delivery;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small HTTP/1.1 client over pooled keep-alive sockets (TLS for https), made for the SDK's one request
 * shape: POST a JSON body, read the status, {@code Retry-After} and a short body. One request per
 * connection at a time; a connection is reused only after a complete response. Timeouts as the protocol
 * says: connect 3 s, the whole exchange 5 s (so a slow server has up to 5 s to start answering), and at most
 * 3 s between reads once the response has started.
 */
public final class SocketHttpTransport implements Transport {
    static final int CONNECT_TIMEOUT_MS = 3000;
    static final int READ_TIMEOUT_MS = 3000;
    static final long REQUEST_DEADLINE_MS = 5000;
    /** Idle connections older than this are not reused (servers commonly close keep-alive after 30–60 s). */
    static final long MAX_IDLE_MS = 20_000;
    private static final int MAX_BODY_CHARS_KEPT = 2048;
    private static final int MAX_HEADER_LINE = 8192;

    private final String host;
    private final int port;
    private final boolean secure;
    private final String pathPrefix;
    private final byte[] fixedHeaders;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public SocketHttpTransport(String baseUrl, String apiKey) {
        URI uri = URI.create(baseUrl);
        this.secure = "https".equalsIgnoreCase(uri.getScheme());
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        this.pathPrefix = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean defaultPort = uri.getPort() < 0;
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
        this.fixedHeaders = ("Host: " + hostHeader + "\r\nContent-Type: application/json\r\nX-SeeStack-Key: " + apiKey
                + "\r\nUser-Agent: seestack-java\r\nAccept: application/json\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public TransportResponse post(String path, byte[] body) throws IOException {
        if (closed) {
            throw new IOException("transport closed");
        }
        long deadline = System.currentTimeMillis() + REQUEST_DEADLINE_MS;
        Connection c = pooledConnection();
        boolean reused = c != null;
        if (c == null) {
            c = open(deadline);
        }
        try {
            return exchange(c, path, body, deadline);
        } catch (StaleConnectionException stale) {
            // the server closed an idle keep-alive connection before reading anything: send once more afresh
            c.close();
            if (!reused) {
                throw stale;
            }
            Connection fresh = open(deadline);
            try {
                return exchange(fresh, path, body, deadline);
            } catch (IOException | RuntimeException e) {
                fresh.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private TransportResponse exchange(Connection c, String path, byte[] body, long deadline) throws IOException {
        OutputStream out = c.out;
        try {
            out.write(("POST " + pathPrefix + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(fixedHeaders);
            out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // nothing was answered: a peer that closed the connection cannot have processed this request
            throw new StaleConnectionException("connection failed while sending: " + e.getMessage());
        }
        ResponseReader reader = new ResponseReader(c, deadline);
        String statusLine = reader.line(true);
        int status = parseStatus(statusLine);
        long contentLength = -1;
        boolean chunked = false;
        boolean keepAlive = true;
        String retryAfter = null;
        for (String line = reader.line(false); !line.isEmpty(); line = reader.line(false)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length":
                    contentLength = Long.parseLong(value);
                    break;
                case "transfer-encoding":
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    break;
                case "connection":
                    keepAlive = !value.equalsIgnoreCase("close");
                    break;
                case "retry-after":
                    retryAfter = value;
                    break;
                default:
                    break;
            }
        }
        String responseBody;
        if (chunked) {
            responseBody = reader.chunkedBody();
        } else if (contentLength >= 0) {
            responseBody = reader.fixedBody(contentLength);
        } else {
            responseBody = null;
            keepAlive = false; // body delimited by close: don't reuse
        }
        if (keepAlive && !closed) {
            c.lastUsedMs = System.currentTimeMillis();
            idle.offerFirst(c);
        } else {
            c.close();
        }
        return new TransportResponse(status, retryAfter, responseBody);
    }

    private static int parseStatus(String statusLine) throws IOException {
        // HTTP/1.1 202 Accepted
        int sp = statusLine.indexOf(' ');
        if (!statusLine.startsWith("HTTP/") || sp < 0 || statusLine.length() < sp + 4) {
            throw new IOException("malformed status line: " + statusLine);
        }
        try {
            return Integer.parseInt(statusLine.substring(sp + 1, sp + 4));
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line: " + statusLine, e);
        }
    }

    private Connection pooledConnection() {
        long now = System.currentTimeMillis();
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            if (now - c.lastUsedMs < MAX_IDLE_MS && !c.socket.isClosed()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private Connection open(long deadline) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            int connectTimeout = (int) Math.max(1, Math.min(CONNECT_TIMEOUT_MS, deadline - System.currentTimeMillis()));
            socket.connect(new InetSocketAddress(host, port), connectTimeout);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            if (secure) {
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(socket, host, port, true);
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
                tls.startHandshake();
                socket = tls;
            }
            Connection c = new Connection(socket, open);
            open.add(c);
            if (closed) {
                c.close();
                throw new IOException("transport closed");
            }
            return c;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Closes idle and in-use connections: a request blocked on the network fails at once. */
    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            c.close();
        }
        for (Connection active : open.toArray(new Connection[0])) {
            active.close();
        }
    }

    @Override
    public String toString() {
        return "SocketHttpTransport{" + (secure ? "https" : "http") + "://" + host + ":" + port + pathPrefix + "}";
    }

    /** Thrown when a reused connection ends before the first response byte: safe to send again. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(String message) {
            super(message);
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        private final Set<Connection> registry;
        long lastUsedMs;

        Connection(Socket socket, Set<Connection> registry) throws IOException {
            this.socket = socket;
            this.registry = registry;
            this.in = new BufferedInputStream(socket.getInputStream(), 4096);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        }

        void close() {
            registry.remove(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket
            }
        }
    }

    /** Reads one response from a connection, enforcing the whole-request deadline. */
    private static final class ResponseReader {
        private final Connection c;
        private final long deadline;
        private final StringBuilder line = new StringBuilder(64);

        ResponseReader(Connection c, long deadline) {
            this.c = c;
            this.deadline = deadline;
        }

        private int read(boolean first) throws IOException {
            long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0) {
                throw new SocketTimeoutException("request exceeded " + REQUEST_DEADLINE_MS + " ms");
            }
            // the server may think for up to the whole-request deadline; once it answers, gaps are capped at 3 s
            c.socket.setSoTimeout((int) (first ? remaining : Math.min(READ_TIMEOUT_MS, remaining)));
            int b;
            try {
                b = c.in.read();
            } catch (java.net.SocketException e) {
                if (first) {
                    throw new StaleConnectionException("connection reset before the response: " + e.getMessage());
                }
                throw e;
            }
            if (b < 0) {
                if (first) {
                    throw new StaleConnectionException("connection closed before the response");
                }
                throw new IOException("connection closed mid-response");
            }
            return b;
        }

        String line(boolean firstOfResponse) throws IOException {
            line.setLength(0);
            boolean first = firstOfResponse;
            while (true) {
                int b = read(first);
                first = false;
                if (b == '\n') {
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return line.toString();
                }
                if (line.length() >= MAX_HEADER_LINE) {
                    throw new IOException("response header line too long");
                }
                line.append((char) b);
            }
        }

        String fixedBody(long length) throws IOException {
            StringBuilder kept = new StringBuilder((int) Math.min(length, MAX_BODY_CHARS_KEPT));
            byte[] bytes = new byte[(int) Math.min(length, MAX_BODY_CHARS_KEPT)];
            int keptBytes = 0;
            for (long i = 0; i < length; i++) {
                int b = read(false);
                if (keptBytes < bytes.length) {
                    bytes[keptBytes++] = (byte) b;
                }
            }
            kept.append(new String(bytes, 0, keptBytes, StandardCharsets.UTF_8));
            return kept.toString();
        }

        String chunkedBody() throws IOException {
            StringBuilder kept = new StringBuilder();
            while (true) {
                String sizeLine = line(false);
                int semi = sizeLine.indexOf(';');
                long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                if (size == 0) {
                    // trailers until an empty line
                    while (!line(false).isEmpty()) {
                        continue;
                    }
                    return kept.toString();
                }
                String part = fixedBody(size);
                if (kept.length() < MAX_BODY_CHARS_KEPT) {
                    kept.append(part, 0, Math.min(part.length(), MAX_BODY_CHARS_KEPT - kept.length()));
                }
                line(false); // CRLF after the chunk
            }
        }
    }
}
