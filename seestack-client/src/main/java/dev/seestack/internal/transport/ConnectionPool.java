package dev.seestack.internal.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The connections to one origin and the exchanges on them; every field is used on the engine's event loop only.
 * HTTP/1.1: keep-alive connections carrying one request at a time, a new one opened only when none is idle, idle
 * ones closed after {@link HttpEngine#IDLE_TIMEOUT}. HTTP/2 (when TLS agrees on it): a stream per request on the
 * first connection with a free slot under the server's {@code MAX_CONCURRENT_STREAMS}; when every slot is taken
 * another connection is opened, up to {@link #MAX_HTTP2_CONNECTIONS}, beyond which streams wait in a connection's
 * queue; each closed after {@link HttpEngine#IDLE_TIMEOUT} without a stream. Over https the first connection's ALPN
 * answer decides, so requests wait for it rather than each opening a connection.
 */
final class ConnectionPool {
    private static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("seestack.idleSince");
    /**
     * HTTP/2 connections to one origin at most: more only when the server's stream limit (Jetty's default 128, some
     * backends 100) is below what the window needs, and 4 carry the window's bound of 512 streams at a limit of 128.
     */
    static final int MAX_HTTP2_CONNECTIONS = 4;
    /**
     * A request waits this long for a free stream slot before another HTTP/2 connection is opened: a burst whose
     * slots free within it (loopback) keeps one connection, a backend whose limit is below the need gets more.
     */
    private static final long EXTRA_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** After an extra HTTP/2 connection failed to open, none is tried again for this long (requests queue instead). */
    private static final long EXTRA_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Endpoint endpoint;
    private final EventLoop loop;
    private final ChannelOpener opener;
    private final ChannelOpener.Route route;
    private final LongSupplier clock;
    private final LongAdder resends;
    private final AtomicInteger connections;

    /** Idle HTTP/1.1 connections, the most recently used first. */
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final Set<Channel> open = new HashSet<>();
    /**
     * Exchanges not done yet (waiting, connecting or on a connection), failed by {@link #close()}; in dispatch
     * order, which is their deadline's order (one timeout for all), so the first is the next to time out.
     */
    private final Set<Exchange> active = new LinkedHashSet<>();
    /** Whether a deadline check is scheduled (one at a time, for the oldest exchange, not one per request). */
    private boolean deadlineCheckScheduled;
    private final List<Exchange> awaitingProtocol = new ArrayList<>();
    /** The HTTP/2 connections (the exchanges on each one's streams), oldest first: a request takes the first free. */
    private final List<StreamTable> http2 = new ArrayList<>();
    /** The server's stream limit as last announced, assumed for a new connection until its own SETTINGS arrive. */
    private int streamLimit = Integer.MAX_VALUE;
    /** Whether the last extra HTTP/2 connection failed to open: then none is tried before {@link #noExtraBefore}. */
    private boolean extraFailed;
    private long noExtraBefore;
    /** Whether a check is scheduled to open another HTTP/2 connection if requests still wait for a slot. */
    private boolean extraCheckScheduled;
    /** https: the server chose HTTP/1.1 (no more waiting for the first connection's ALPN answer). */
    private boolean http1Chosen;
    private boolean probing;
    private boolean closed;

    ConnectionPool(Endpoint endpoint, EventLoop loop, ChannelOpener opener, LongSupplier clock, LongAdder resends,
            AtomicInteger connections) {
        this.endpoint = endpoint;
        this.loop = loop;
        this.opener = opener;
        this.route = opener.route(endpoint);
        this.clock = clock;
        this.resends = resends;
        this.connections = connections;
    }

    /** Sends {@code ex} on an idle connection, a stream or a new connection; its deadline starts with the first call. */
    void dispatch(Exchange ex) {
        if (closed) {
            ex.fail(new IOException("SeeStack HTTP client is closed"));
            return;
        }
        if (ex.deadlineNanos == 0) {
            ex.deadlineNanos = (System.nanoTime() + HttpEngine.REQUEST_TIMEOUT.toNanos()) | 1; // never 0
        }
        active.add(ex);
        if (!deadlineCheckScheduled) {
            scheduleDeadlineCheck(ex.deadlineNanos);
        }
        if (!http2.isEmpty()) {
            sendOnStream(ex);
        } else if (endpoint.https() && !http1Chosen) {
            awaitingProtocol.add(ex);
            if (!probing) {
                probing = true;
                connect(null);
            }
        } else {
            Channel ch = takeIdle();
            if (ch != null) {
                sendOnConnection(ch, ex, true);
            } else {
                connect(ex);
            }
        }
    }

    /** Opens a connection for {@code ex}, or (null) for the requests waiting for the protocol. */
    private void connect(Exchange ex) {
        opener.open(endpoint, route).addListener((Future<Channel> f) -> {
            if (ex == null) {
                probing = false;
            }
            List<Exchange> waiting = ex != null ? List.of(ex) : drainAwaiting();
            if (!f.isSuccess()) {
                if (ex == null && http2.stream().anyMatch(t -> t.channel().isActive())) {
                    // an extra HTTP/2 connection: its requests wait in the open ones' queues instead
                    extraFailed = true;
                    noExtraBefore = clock.getAsLong() + EXTRA_RETRY_NANOS;
                    sendEachOnStream(waiting);
                    return;
                }
                for (Exchange w : waiting) {
                    finish(w, f.cause());
                }
                return;
            }
            Channel ch = f.getNow();
            if (closed) {
                ch.close();
                return;
            }
            track(ch);
            if (ChannelOpener.agreedHttp2(ch)) {
                extraFailed = false;
                startHttp2(ch);
                sendEachOnStream(waiting);
                return;
            }
            ch.pipeline().addBefore(ChannelOpener.GUARD, "http", new HttpClientCodec());
            ch.pipeline().addBefore(ChannelOpener.GUARD, "exchange", new ExchangeHandler(this));
            if (endpoint.https()) {
                http1Chosen = true;
            }
            Exchange first = null;
            for (Exchange w : waiting) {
                if (w.isDone()) {
                    continue;
                }
                if (first == null) {
                    first = w;
                    sendOnConnection(ch, w, false);
                } else {
                    dispatch(w);
                }
            }
            if (first == null) {
                makeIdle(ch);
            }
        });
    }

    private void sendEachOnStream(List<Exchange> waiting) {
        for (Exchange w : waiting) {
            if (!w.isDone()) {
                sendOnStream(w);
            }
        }
    }

    private List<Exchange> drainAwaiting() {
        List<Exchange> waiting = new ArrayList<>(awaitingProtocol);
        awaitingProtocol.clear();
        return waiting;
    }

    private void track(Channel ch) {
        open.add(ch);
        connections.incrementAndGet();
        ch.closeFuture().addListener(f -> closed(ch));
    }

    private Channel takeIdle() {
        for (Channel ch = idle.pollFirst(); ch != null; ch = idle.pollFirst()) {
            if (ch.isActive()) {
                return ch;
            }
        }
        return null;
    }

    private void sendOnConnection(Channel ch, Exchange ex, boolean reused) {
        ex.channel = ch;
        ex.reused = reused;
        ch.pipeline().get(ExchangeHandler.class).carry(ex);
        boolean forward = route.forwards(endpoint);
        write(ch, ex, ex.request(forward, forward ? route.proxyAuthorization : null));
    }

    private void write(Channel ch, Exchange ex, Object request) {
        ch.writeAndFlush(request).addListener(w -> {
            if (w.isSuccess()) {
                ex.bodyWritten = true;
            } else {
                lost(ch, ex, w.cause());
            }
        });
    }

    private void startHttp2(Channel ch) {
        // the streams written in one turn of the event loop (a sender's hand-off, the answers of one read) leave as
        // one flush: TLS wraps them into one record and one socket write instead of one each per stream
        ch.pipeline().addAfter(ChannelOpener.TLS, "coalesce",
                new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        ch.pipeline().addBefore(ChannelOpener.GUARD, "h2", Http2FrameCodecBuilder.forClient()
                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
                .encoderEnforceMaxConcurrentStreams(true) // streams beyond the server's limit wait, none fails
                // each body's length is a literal, never added to the HPACK table: it would evict the headers every
                // request repeats (key, content type, path), which then stay one-byte indexes
                .headerSensitivityDetector((name, value) -> HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name))
                .build());
        StreamTable streams = new StreamTable(this);
        ch.pipeline().addBefore(ChannelOpener.GUARD, "streams", streams);
        streams.idleSince(clock.getAsLong());
        http2.add(streams);
        Http2ConnectionWindow.widen(ch);
    }

    /**
     * Sends {@code ex} on a new stream (its headers and body as frames, its answer read from frames) of the first
     * HTTP/2 connection with a free slot. With none free it waits for a slot to free or, after
     * {@link #EXTRA_AFTER_NANOS}, for another connection, unless {@link #MAX_HTTP2_CONNECTIONS} are open: at that cap
     * the stream waits in the least busy connection's queue.
     */
    private void sendOnStream(Exchange ex) {
        StreamTable table = null;
        StreamTable leastBusy = null;
        for (StreamTable t : http2) {
            if (!t.channel().isActive()) {
                continue;
            }
            if (t.size() < streamLimit(t)) {
                table = t;
                break;
            }
            if (leastBusy == null || t.size() < leastBusy.size()) {
                leastBusy = t;
            }
        }
        if (table == null) {
            if (leastBusy == null) { // none open: as for the first connection
                awaitingProtocol.add(ex);
                if (!probing) {
                    probing = true;
                    connect(null);
                }
                return;
            }
            if (probing || mayOpenExtra()) { // a slot that frees takes it, or the connection opened for it
                ex.waitingSince = System.nanoTime();
                awaitingProtocol.add(ex);
                if (!probing && !extraCheckScheduled) {
                    extraCheckScheduled = true;
                    loop.schedule(this::openExtraIfStillWaiting, EXTRA_AFTER_NANOS, TimeUnit.NANOSECONDS);
                }
                return;
            }
            table = leastBusy;
        }
        ex.channel = table.channel();
        ex.reused = table.answered();
        ex.multiplexed = true;
        table.send(ex);
    }

    private boolean mayOpenExtra() {
        return http2.size() < MAX_HTTP2_CONNECTIONS && !http1Chosen
                && (!extraFailed || clock.getAsLong() - noExtraBefore >= 0);
    }

    /** Opens another HTTP/2 connection when the oldest request waiting for a slot has waited long enough. */
    private void openExtraIfStillWaiting() {
        extraCheckScheduled = false;
        if (closed || probing || awaitingProtocol.isEmpty() || http2.isEmpty()) {
            return;
        }
        long waited = System.nanoTime() - awaitingProtocol.get(0).waitingSince;
        if (waited < EXTRA_AFTER_NANOS) {
            extraCheckScheduled = true;
            loop.schedule(this::openExtraIfStillWaiting, EXTRA_AFTER_NANOS - waited, TimeUnit.NANOSECONDS);
        } else if (mayOpenExtra()) {
            probing = true;
            connect(null);
        } else { // no more connections: they wait in the open ones' queues
            sendEachOnStream(drainAwaiting());
        }
    }

    /** {@code table}'s stream limit: the server's, or until it has said, the last one another connection heard. */
    private int streamLimit(StreamTable table) {
        int limit = table.streamLimit();
        if (limit != Integer.MAX_VALUE) {
            streamLimit = limit;
        }
        return streamLimit;
    }

    /** {@code ex} leaves its stream (answered, failed, timed out): the stream is reset if still open. */
    private void leaveStream(Exchange ex) {
        StreamTable table = ex.channel == null ? null : ex.channel.pipeline().get(StreamTable.class);
        if (table != null) {
            table.cancel(ex);
            if (table.isEmpty()) {
                table.idleSince(clock.getAsLong());
            }
        }
    }

    /** {@code ex}'s answer ended on {@code ch}: the connection goes back to the pool before the caller hears. */
    void answered(Channel ch, Exchange ex) {
        if (ex.channel != ch || ex.isDone()) {
            return;
        }
        active.remove(ex);
        if (ex.stream != null) {
            ch.pipeline().get(StreamTable.class).markAnswered();
            leaveStream(ex);
            if (!awaitingProtocol.isEmpty() && !http2.isEmpty()) { // the slot it freed: no wait for a new connection
                sendOnStream(awaitingProtocol.remove(0));
            }
        } else if (ex.keepAlive() && ch.isActive() && !closed) {
            makeIdle(ch);
        } else {
            ch.close();
        }
        ex.complete();
    }

    /**
     * {@code ex} lost its channel {@code ch} ({@code cause}). A reused connection closed before any byte of answer
     * is the keep-alive race (the server closed it as we sent): resent once at once on another connection and
     * counted; anything else fails the exchange.
     */
    void lost(Channel ch, Exchange ex, Throwable cause) {
        if (ex.channel != ch || ex.isDone()) {
            return;
        }
        if (ex.stream != null) {
            leaveStream(ex); // a stream still queued behind the server's limit leaves the queue: never sent later
        } else {
            ch.close();
        }
        if (!ex.answerStarted && ex.reused && !ex.resent && !closed) {
            resends.increment();
            ex.resetForResend();
            dispatch(ex);
            return;
        }
        finish(ex, cause);
    }

    private void finish(Exchange ex, Throwable cause) {
        active.remove(ex);
        if (!ex.isDone()) {
            ex.fail(cause);
        }
    }

    private void scheduleDeadlineCheck(long deadlineNanos) {
        deadlineCheckScheduled = true;
        // at least 10 ms apart, so answers that keep coming just in time cannot make it spin
        long delay = Math.max(deadlineNanos - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(10));
        loop.schedule(this::checkDeadlines, delay, TimeUnit.NANOSECONDS);
    }

    /** Times out the exchanges whose deadline passed, then waits for the next one's (if any is left). */
    private void checkDeadlines() {
        deadlineCheckScheduled = false;
        long now = System.nanoTime();
        List<Exchange> late = new ArrayList<>();
        for (Exchange ex : active) {
            if (ex.deadlineNanos - now > 0) {
                break;
            }
            late.add(ex);
        }
        // streams still queued behind the server's limit first: closing an older stream would let their frames out
        late.sort(Comparator.comparing(ex -> !queuedStream(ex)));
        for (Exchange ex : late) {
            timedOut(ex);
        }
        if (!active.isEmpty() && !closed) {
            scheduleDeadlineCheck(active.iterator().next().deadlineNanos);
        }
    }

    private void timedOut(Exchange ex) {
        if (ex.isDone()) {
            active.remove(ex);
            return;
        }
        boolean waited = awaitingProtocol.remove(ex);
        boolean queued = queuedStream(ex);
        finish(ex, new IOException("no answer from " + endpoint + " within " + HttpEngine.REQUEST_TIMEOUT.toMillis()
                + " ms" + (queued ? " (not sent: waiting for a stream)"
                        : waited ? " (not sent: waiting for a connection or a stream)" : "")));
        if (ex.stream != null) {
            leaveStream(ex);
        } else if (ex.channel != null) {
            ex.channel.close();
        }
    }

    /** Whether {@code ex}'s stream still waits for a slot under the server's limit (none of its frames left). */
    private static boolean queuedStream(Exchange ex) {
        if (ex.stream == null || ex.isDone()) {
            return false;
        }
        StreamTable table = ex.channel.pipeline().get(StreamTable.class);
        return table != null && table.queued(ex);
    }

    private void makeIdle(Channel ch) {
        ch.attr(IDLE_SINCE).set(clock.getAsLong());
        idle.addFirst(ch);
    }

    private void closed(Channel ch) {
        if (open.remove(ch)) {
            connections.decrementAndGet();
        }
        idle.remove(ch);
        http2.removeIf(t -> t.channel() == ch);
    }

    /** Closes the connections idle for {@link HttpEngine#IDLE_TIMEOUT} or longer on the engine's clock. */
    void closeIdle() {
        long now = clock.getAsLong();
        long limit = HttpEngine.IDLE_TIMEOUT.toNanos();
        for (Iterator<Channel> it = idle.iterator(); it.hasNext(); ) {
            Channel ch = it.next();
            Long since = ch.attr(IDLE_SINCE).get();
            if (since != null && now - since >= limit) {
                it.remove();
                ch.close();
            }
        }
        for (StreamTable t : new ArrayList<>(http2)) {
            if (t.isEmpty() && now - t.idleSince() >= limit) {
                t.channel().close();
            }
        }
    }

    /** Fails every exchange not done and closes every connection. */
    void close() {
        closed = true;
        for (Exchange ex : new ArrayList<>(active)) {
            finish(ex, new IOException("SeeStack HTTP client closed"));
        }
        awaitingProtocol.clear();
        idle.clear();
        for (Channel ch : new ArrayList<>(open)) {
            ch.close();
        }
    }
}
