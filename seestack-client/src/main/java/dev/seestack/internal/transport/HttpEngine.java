package dev.seestack.internal.transport;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.config.ProxyAddress;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.StandaloneNioEventLoop;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/**
 * One client's HTTP engine (Netty, relocated inside the SDK's jar): a single daemon event loop thread
 * {@code seestack-io-1} carrying every request of ingest, the spool's resends and feature flags, over pooled
 * connections per origin ({@link ConnectionPool}). No request is without a deadline; {@link #close()} fails
 * what is still waiting and ends the thread.
 */
public final class HttpEngine implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = ChannelOpener.CONNECT_TIMEOUT;
    /** The whole request, from dispatch (connecting included) to the answer's last byte. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Pooled connections unused this long are closed (measured on the engine's clock). */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** How much of a flags answer is kept (an ingest answer keeps {@link NettyTransport#MAX_BODY_BYTES_KEPT}). */
    static final int MAX_FLAGS_BODY_BYTES = 1024 * 1024;
    /** How long {@link #close()} waits for the event loop thread to end. */
    private static final long STOP_WAIT_MS = 2_000;
    /** How often idle connections are looked for. */
    private static final long IDLE_CHECK_MS = 1_000;

    static {
        EngineSetup.beforeFirstUse();
    }

    /**
     * The buffers of every engine in this JVM: pooled (one heap and one direct arena of 1 MiB chunks, taken when
     * first needed; caches on the event loop threads only), since allocating and freeing a direct buffer per read,
     * TLS record and header block cost more than the rest of a request's I/O. Heap buffers are preferred: the JDK's
     * TLS engine works on arrays; socket reads and writes go through the direct arena.
     */
    private static final ByteBufAllocator BUFFERS = new PooledByteBufAllocator(false, 1, 1, 8192, 7, 256, 64, false);

    private final EventLoop loop;
    private final ChannelOpener opener;
    private final LongSupplier clock;
    private final Map<String, ConnectionPool> pools = new ConcurrentHashMap<>();
    private final LongAdder resends = new LongAdder();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;
    /** The event loop's thread once started (joined by {@link #close()}). */
    private volatile Thread ioThread;

    /** An engine with the JVM's default proxy selector and TLS settings, on the system clock. */
    public HttpEngine() {
        this(null, null, System::nanoTime);
    }

    /**
     * {@code sslContext}: null for the JVM default; {@code proxy}: null for the JVM's proxy selector;
     * {@code nanoClock}: the clock idle connections are judged on (a test's manual scheduler).
     */
    public HttpEngine(SSLContext sslContext, ProxyAddress proxy, LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.loop = StandaloneNioEventLoop.create(threads());
        this.opener = new ChannelOpener(loop, BUFFERS, tlsContext(sslContext), proxy);
        loop.scheduleWithFixedDelay(this::closeIdle, IDLE_CHECK_MS, IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
    }

    /** The engine of a client with {@code config}: its {@code proxy} option and TLS context, else the JVM's. */
    public static HttpEngine forConfig(SeeStackConfig config, LongSupplier nanoClock) {
        ProxyAddress proxy = config.proxy() == null ? null : ProxyAddress.parse(config.proxy());
        return new HttpEngine(config.sslContext(), proxy, nanoClock);
    }

    private ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new FastThreadLocalThread(task, DaemonThreadFactory.PREFIX + "io-" + n.incrementAndGet());
            ioThread = t;
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> {
                // an SDK thread never prints through the application's handlers
            });
            return t;
        };
    }

    private static SSLContext tlsContext(SSLContext configured) {
        if (configured != null) {
            return configured;
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context in this JVM", e);
        }
    }

    /** Sends {@code ex} on the event loop; the future completes there. */
    CompletableFuture<TransportResponse> send(Exchange ex) {
        if (closed) {
            ex.fail(new IOException("SeeStack HTTP client is closed"));
            return ex.result;
        }
        Endpoint endpoint = ex.endpoint();
        ConnectionPool pool = pools.computeIfAbsent(endpoint.origin(),
                o -> new ConnectionPool(endpoint, loop, opener, clock, resends, connections));
        if (loop.inEventLoop()) {
            pool.dispatch(ex);
        } else {
            try {
                loop.execute(() -> pool.dispatch(ex));
            } catch (RejectedExecutionException e) {
                ex.fail(new IOException("SeeStack HTTP client is closed", e));
            }
        }
        return ex.result;
    }

    /**
     * GETs {@code url} with {@code Authorization: Bearer <token>} and {@code Accept: application/json}; redirects
     * are answers like any other (never followed, so the token never goes to another host).
     */
    public CompletableFuture<TransportResponse> getJson(String url, String bearerToken) {
        Endpoint endpoint = Endpoint.parse(url);
        return send(new Exchange(endpoint, HttpMethod.GET, endpoint.target(), new String[] {
            "Accept", "application/json", "Authorization", "Bearer " + bearerToken}, null, MAX_FLAGS_BODY_BYTES));
    }

    /** Requests resent at once because a pooled connection closed before any answer. */
    public long resends() {
        return resends.sum();
    }

    /** Connections open now (HTTP/1.1 connections and HTTP/2 connections, not streams). */
    public int connections() {
        return connections.get();
    }

    /** Whether {@code thread} is this engine's event loop (a blocking call there would wait for itself). */
    boolean runsOn(Thread thread) {
        return loop.inEventLoop(thread);
    }

    private void closeIdle() {
        for (ConnectionPool pool : pools.values()) {
            pool.closeIdle();
        }
    }

    /**
     * Runs the idle check now on the event loop and waits for it (it also runs every second): lets a test that
     * moved the engine's clock see its effect without waiting.
     */
    public void closeIdleConnectionsNow() {
        if (closed || loop.inEventLoop()) {
            return;
        }
        loop.submit(this::closeIdle).awaitUninterruptibly(STOP_WAIT_MS);
    }

    /** Fails what is waiting, closes every connection and ends the event loop thread (waiting up to 2 s). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            loop.execute(() -> {
                pools.values().forEach(ConnectionPool::close);
                opener.close();
            });
        } catch (RejectedExecutionException e) {
            // already stopping
        }
        loop.shutdownGracefully(0, STOP_WAIT_MS / 2, TimeUnit.MILLISECONDS);
        if (!loop.inEventLoop()) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
            loop.terminationFuture().awaitUninterruptibly(STOP_WAIT_MS);
            joinIoThread(until);
        }
    }

    /** The loop reports its end just before its thread returns: wait for that too, so none is left alive. */
    private void joinIoThread(long untilNanos) {
        Thread t = ioThread;
        long leftMs = TimeUnit.NANOSECONDS.toMillis(untilNanos - System.nanoTime());
        if (t == null || leftMs <= 0) {
            return;
        }
        try {
            t.join(leftMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
