package dev.seestack.internal.transport;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.config.ProxyAddress;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One client's {@code java.net.http.HttpClient}, shared by ingest and feature flags through
 * {@link HttpChannel}s, and its daemon {@code seestack-http-*} threads. {@link #close()} closes every channel
 * and stops the client's threads.
 */
public final class HttpStack implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long {@link #close()} waits for the client's threads to end after stopping them. */
    static final Duration THREAD_STOP_WAIT = Duration.ofMillis(500);

    /**
     * Threads running the HTTP client's tasks, whatever the number of requests in flight. Two, not more: its
     * tasks are short and never block, and on a 2-core machine 4 threads handing tasks to each other delivered
     * 3 500 requests/s where 2 delivered 5 900 (BENCHMARKS.md).
     */
    public static final int EXECUTOR_THREADS = 2;
    /** Send threads at most: the in-flight window's bound over HTTP/2 (512 streams). */
    static final int MAX_SEND_THREADS = 512;

    private final HttpClient client;
    private final ExecutorService executor;
    /** Null unless this JVM's {@code sendAsync} starts a thread per answer ({@link BlockingSends#neededHere()}). */
    private final BlockingSends blockingSends;
    private final Set<HttpChannel> channels = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A stack with the JVM's default proxy selector and TLS settings. */
    public HttpStack() {
        this(defaultBuilder());
    }

    /** A stack over {@code builder} (proxy and TLS already set by the caller); timeouts and threads are set here. */
    public HttpStack(HttpClient.Builder builder) {
        this(builder, BlockingSends.neededHere());
    }

    /** A stack over {@code builder}; {@code blockingSends}: send on pooled threads instead of {@code sendAsync}. */
    HttpStack(HttpClient.Builder builder, boolean blockingSends) {
        // the client's tasks never block (bodies are consumed as they arrive), so a few threads serve any number
        // of requests in flight; idle, they end after a minute
        ThreadPoolExecutor pool = new ThreadPoolExecutor(EXECUTOR_THREADS, EXECUTOR_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DaemonThreadFactory("http"));
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.client = builder.connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.blockingSends = blockingSends ? new BlockingSends(client, MAX_SEND_THREADS) : null;
    }

    /**
     * The stack of a client with {@code config}: its {@code proxy} (with credentials answered only to that
     * proxy) or else the JVM's proxy selector, and its TLS context or else the JVM default.
     */
    public static HttpStack forConfig(SeeStackConfig config) {
        HttpClient.Builder builder;
        if (config.proxy() != null) {
            ProxyAddress proxy = ProxyAddress.parse(config.proxy());
            builder = HttpClient.newBuilder()
                    .proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
            if (proxy.hasCredentials()) {
                builder.authenticator(new ProxyAuthenticator(proxy));
            }
        } else {
            builder = defaultBuilder();
        }
        if (config.sslContext() != null) {
            builder.sslContext(config.sslContext());
        }
        return new HttpStack(builder);
    }

    /** A builder with the JVM's default proxy selector ({@code -Dhttps.proxyHost}, a custom default). */
    public static HttpClient.Builder defaultBuilder() {
        HttpClient.Builder builder = HttpClient.newBuilder();
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        return builder;
    }

    /** A new channel over this stack's client; closed with the stack. */
    public HttpChannel channel() {
        HttpChannel channel = new HttpChannel(client, blockingSends);
        channels.add(channel);
        if (closed) {
            channel.close();
        }
        return channel;
    }

    /** Whether requests go out on {@link BlockingSends} threads (see there). */
    public boolean sendsBlocking() {
        return blockingSends != null;
    }

    /** {@link BlockingSends} threads alive now; 0 when requests go out through {@code sendAsync}. */
    int sendThreads() {
        return blockingSends == null ? 0 : blockingSends.threads();
    }

    /** {@link BlockingSends} threads running a request now. */
    int busySendThreads() {
        return blockingSends == null ? 0 : blockingSends.busyThreads();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes every channel, stops the HTTP client (JDK 21+) and its executor threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (HttpChannel channel : channels) {
            channel.close();
        }
        if (blockingSends != null) {
            blockingSends.shutdown();
        }
        shutdownClientNow();
        // the cancelled exchanges' last (short) tasks still run, so the client sees them end; then stop for good
        executor.shutdown();
        try {
            if (!executor.awaitTermination(THREAD_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code HttpClient.shutdownNow()} exists from JDK 21 on; before that the client ends once unreachable. */
    private void shutdownClientNow() {
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
            shutdownNow.invoke(client);
        } catch (NoSuchMethodException e) {
            // JDK < 21: stopping the executor is all there is
        } catch (ReflectiveOperationException | RuntimeException e) {
            // best effort
        }
    }
}
