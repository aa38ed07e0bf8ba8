package dev.seestack.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A loopback ingest server speaking HTTP/2 over TLS (ALPN offers {@code h2}, then {@code http/1.1}; certificate
 * of {@link TestCertificates}), or plain HTTP/1.1, on Jetty 12. It answers every POST with 202 and a small JSON
 * body, and counts requests, each request's protocol version and the TCP connections it accepted, so a test can
 * tell whether a client multiplexed its requests. Bodies are kept only when asked (a benchmark sends too many).
 *
 * <p>Modules using it declare {@code jetty-http2-server} and {@code jetty-alpn-java-server} themselves (the test
 * kit has them as optional dependencies).
 */
public final class Http2Server implements AutoCloseable {
    /** {@link #requests(String)} key of a request that came over HTTP/2. */
    public static final String HTTP_2 = "HTTP/2.0";
    /** {@link #requests(String)} key of a request that came over HTTP/1.1. */
    public static final String HTTP_1_1 = "HTTP/1.1";

    private static final byte[] ACCEPTED = ("{\"success\":true,\"data\":{\"id\":\"5f0c6a5e-0000-4000-8000-00000000000a\"},"
            + "\"meta\":{\"requestId\":\"5f0c6a5e-0000-4000-8000-00000000000b\",\"timestamp\":\"2026-01-01T00:00:00Z\"}}")
            .getBytes(StandardCharsets.UTF_8);

    /** A request to a path ending with this is never answered (nor counted). */
    public static final String SILENT_PATH = "/silent";

    /** One request as the server saw it. */
    public record Received(String path, String protocol, String body) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;
    private final boolean keepBodies;
    /** Each answer's body: the accepted-answer JSON, padded with spaces to the size asked for. */
    private final byte[] answer;
    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> byProtocol = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final LongAdder upgradeRequests = new LongAdder();
    /** The HTTP/2 send window (bytes) of the connection the latest request came on, as that request arrived. */
    private volatile int sendWindow = -1;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> byConnection = new ConcurrentHashMap<>();
    /** Answers wait for it to complete ({@link #holdAnswers()}); null: answered at once. */
    private volatile CompletableFuture<Void> held;

    private Http2Server(boolean tls, boolean keepBodies) {
        this(tls, keepBodies, 0, 0);
    }

    /** {@code maxStreams}: the HTTP/2 {@code SETTINGS_MAX_CONCURRENT_STREAMS} to announce (0: Jetty's default). */
    private Http2Server(boolean tls, boolean keepBodies, int maxStreams, int answerBytes) {
        this.tls = tls;
        this.keepBodies = keepBodies;
        this.answer = Arrays.copyOf(ACCEPTED, Math.max(ACCEPTED.length, answerBytes));
        Arrays.fill(answer, ACCEPTED.length, answer.length, (byte) ' ');
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("test-http2-server");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new CountingConnector(server, tls ? tlsFactories(maxStreams) : plainFactories());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Answering());
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP/2 test server did not start", e);
        }
    }

    /** HTTP/2 over TLS (falling back to HTTP/1.1 for a client offering only that); bodies kept. */
    public static Http2Server https() {
        return new Http2Server(true, true);
    }

    /** HTTP/2 over TLS allowing only {@code maxStreams} requests at once on a connection; bodies not kept. */
    public static Http2Server httpsWithStreamLimit(int maxStreams) {
        return new Http2Server(true, false, maxStreams, 0);
    }

    /**
     * HTTP/2 over TLS answering each request with a body of {@code answerBytes} (the accepted answer padded with
     * spaces): answers beyond the flow-control window; bodies not kept.
     */
    public static Http2Server httpsAnswering(int answerBytes) {
        return new Http2Server(true, false, 0, answerBytes);
    }

    /** As {@link #httpsWithStreamLimit(int)}; {@code keepBodies}: whether {@link #received()} records each request. */
    public static Http2Server httpsWithStreamLimit(int maxStreams, boolean keepBodies) {
        return new Http2Server(true, keepBodies, maxStreams, 0);
    }

    /**
     * Requests arriving from now on are counted and recorded as usual, but their answers wait for
     * {@link #releaseAnswers()} (their streams stay open): a test holds the server's stream slots this way.
     */
    public void holdAnswers() {
        held = new CompletableFuture<>();
    }

    /** Sends the answers {@link #holdAnswers()} kept waiting; later requests are answered at once. */
    public void releaseAnswers() {
        CompletableFuture<Void> gate = held;
        held = null;
        if (gate != null) {
            gate.complete(null);
        }
    }

    /** HTTP/2 over TLS; {@code keepBodies}: whether {@link #received()} records each request. */
    public static Http2Server https(boolean keepBodies) {
        return new Http2Server(true, keepBodies);
    }

    /** Plain HTTP/1.1 (no TLS, no h2c); {@code keepBodies}: whether {@link #received()} records each request. */
    public static Http2Server plain(boolean keepBodies) {
        return new Http2Server(false, keepBodies);
    }

    /** The base URL, {@code https://127.0.0.1:port} (the certificate names that address) or {@code http://...}. */
    public String host() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Requests answered so far. */
    public long requests() {
        return requests.sum();
    }

    /** Requests answered so far over {@code protocol} ({@link #HTTP_2}, {@link #HTTP_1_1}). */
    public long requests(String protocol) {
        LongAdder n = byProtocol.get(protocol);
        return n == null ? 0 : n.sum();
    }

    /** Requests answered so far by protocol version, sorted by name. */
    public Map<String, Long> requestsByProtocol() {
        Map<String, Long> counts = new TreeMap<>();
        byProtocol.forEach((protocol, n) -> counts.put(protocol, n.sum()));
        return counts;
    }

    /** Requests that asked to upgrade the connection ({@code Upgrade: h2c}, say); none is granted. */
    public long upgradeRequests() {
        return upgradeRequests.sum();
    }

    /**
     * The HTTP/2 connection-level send window (bytes) of the latest request's connection when it arrived: the
     * client's connection receive window less the answers it has not given credit back for; -1 before any HTTP/2
     * request.
     */
    public int connectionSendWindow() {
        return sendWindow;
    }

    /** TCP connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /**
     * Requests answered so far on each connection that carried any, most first (a connection accepted but never
     * used, such as a client's losing race to open its first HTTP/2 connection, is not listed).
     */
    public List<Long> requestsPerConnection() {
        return byConnection.values().stream().map(LongAdder::sum).sorted(java.util.Comparator.reverseOrder())
                .toList();
    }

    /** Every request answered so far, in arrival order (empty unless bodies are kept). */
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP/2 test server did not stop", e);
        }
    }

    private static ConnectionFactory[] tlsFactories(int maxStreams) {
        HttpConfiguration config = new HttpConfiguration();
        // the client connects to 127.0.0.1 (no SNI): the certificate check is the client's job, not ours
        config.addCustomizer(new SecureRequestCustomizer(false));
        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
        if (maxStreams > 0) {
            h2.setMaxConcurrentStreams(maxStreams);
        }
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(h2.getProtocol(), http11.getProtocol());
        alpn.setDefaultProtocol(http11.getProtocol());
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(TestCertificates.get().serverKeyStore().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(TestCertificates.PASSWORD);
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        return new ConnectionFactory[] {new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, http11};
    }

    private static ConnectionFactory[] plainFactories() {
        return new ConnectionFactory[] {new HttpConnectionFactory(new HttpConfiguration())};
    }

    /** Reads each body without blocking a thread, counts it, answers 202; anything but POST is a 404. */
    private final class Answering extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!HttpMethod.POST.is(request.getMethod())) {
                return false;
            }
            String protocol = request.getConnectionMetaData().getHttpVersion().asString();
            String path = request.getHttpURI().getPath();
            String connection = request.getConnectionMetaData().getId();
            if (path.endsWith(SILENT_PATH)) {
                return true; // never answered: the client's deadline is what ends it
            }
            if (request.getHeaders().contains(HttpHeader.UPGRADE)) {
                upgradeRequests.increment(); // answered as plain HTTP/1.1: no h2c here
            }
            Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
                if (failure != null) {
                    callback.failed(failure);
                    return;
                }
                requests.increment();
                byProtocol.computeIfAbsent(protocol, p -> new LongAdder()).increment();
                byConnection.computeIfAbsent(connection, c -> new LongAdder()).increment();
                if (request.getConnectionMetaData().getConnection() instanceof HTTP2Connection h2) {
                    sendWindow = h2.getSession().getSendWindow();
                }
                if (keepBodies) {
                    received.add(new Received(path, protocol, body));
                }
                CompletableFuture<Void> gate = held;
                if (gate == null) {
                    accept(response, callback);
                } else {
                    gate.thenRun(() -> accept(response, callback));
                }
            });
            return true;
        }
    }

    private void accept(Response response, Callback callback) {
        response.setStatus(202);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(answer), callback);
    }

    /** A connector that counts the TCP connections it accepts (one end point per accepted socket). */
    private final class CountingConnector extends ServerConnector {
        CountingConnector(Server server, ConnectionFactory... factories) {
            super(server, factories);
        }

        @Override
        protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key)
                throws IOException {
            connections.incrementAndGet();
            return super.newEndPoint(channel, selector, key);
        }
    }
}
