package dev.seestack.internal.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
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
 * ones closed after {@link HttpEngine#IDLE_TIMEOUT}. HTTP/2 (when TLS agrees on it): one connection, a stream per
 * request, streams beyond the server's limit queued. Over https the first connection's ALPN answer decides, so
 * requests wait for it rather than each opening a connection.
 */
final class ConnectionPool {
    private static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("seestack.idleSince");

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
    private Channel http2;
    /** Opens streams on {@link #http2}. */
    private Http2StreamChannelBootstrap streamOpener;
    private boolean http2Answered;
    private int streams;
    private long http2IdleSince;
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
        if (http2 != null && http2.isActive()) {
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
                startHttp2(ch);
                for (Exchange w : waiting) {
                    if (!w.isDone()) {
                        sendOnStream(w);
                    }
                }
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
        ch.pipeline().addBefore(ChannelOpener.GUARD, "h2", Http2FrameCodecBuilder.forClient()
                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
                .encoderEnforceMaxConcurrentStreams(true) // streams beyond the server's limit wait, none fails
                .build());
        ch.pipeline().addBefore(ChannelOpener.GUARD, "streams", new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
        http2 = ch;
        streamOpener = new Http2StreamChannelBootstrap(ch);
        http2Answered = false;
        http2IdleSince = clock.getAsLong();
        Http2ConnectionWindow.widen(ch);
    }

    /** Sends {@code ex} on a new stream: its headers and body as HTTP/2 frames, its answer read from frames. */
    private void sendOnStream(Exchange ex) {
        streams++;
        streamOpener.open().addListener((Future<Http2StreamChannel> f) -> {
            if (!f.isSuccess()) {
                streamEnded();
                finish(ex, f.cause());
                return;
            }
            Http2StreamChannel stream = f.getNow();
            stream.closeFuture().addListener(c -> streamEnded());
            if (ex.isDone()) {
                stream.close();
                return;
            }
            ex.channel = stream;
            ex.reused = http2Answered;
            ex.multiplexed = true;
            ExchangeHandler handler = new ExchangeHandler(this);
            handler.carry(ex);
            stream.pipeline().addLast(handler);
            if (ex.hasBody()) {
                stream.write(ex.http2Headers(false), stream.voidPromise());
                write(stream, ex, ex.http2Body());
            } else {
                write(stream, ex, ex.http2Headers(true));
            }
        });
    }

    private void streamEnded() {
        if (--streams == 0) {
            http2IdleSince = clock.getAsLong();
        }
    }

    /** {@code ex}'s answer ended on {@code ch}: the connection goes back to the pool before the caller hears. */
    void answered(Channel ch, Exchange ex) {
        if (ex.channel != ch || ex.isDone()) {
            return;
        }
        active.remove(ex);
        if (ch.parent() != null) {
            http2Answered = true;
            ch.close();
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
        if (queuedStream(ex)) {
            dropQueuedStream((Http2StreamChannel) ch); // else its frames would still leave: sent twice once resent
        }
        ch.close();
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
        awaitingProtocol.remove(ex);
        boolean queued = queuedStream(ex);
        finish(ex, new IOException("no answer from " + endpoint + " within " + HttpEngine.REQUEST_TIMEOUT.toMillis()
                + " ms" + (queued ? " (not sent: waiting for a stream)" : "")));
        if (queued) {
            dropQueuedStream((Http2StreamChannel) ex.channel);
        }
        if (ex.channel != null) {
            ex.channel.close();
        }
    }

    /**
     * Whether {@code ex}'s stream still waits in the codec's queue for a slot under the server's
     * {@code MAX_CONCURRENT_STREAMS}: its headers got a stream id, but the connection never created that stream, so
     * none of its frames left.
     */
    private static boolean queuedStream(Exchange ex) {
        if (!(ex.channel instanceof Http2StreamChannel) || ex.bodyWritten || ex.isDone()) {
            return false;
        }
        int id = ((Http2StreamChannel) ex.channel).stream().id();
        Http2FrameCodec codec = ex.channel.parent().pipeline().get(Http2FrameCodec.class);
        return codec != null && Http2CodecUtil.isStreamIdValid(id) && !codec.connection().streamMayHaveExisted(id);
    }

    /**
     * Takes a queued stream out of the codec's queue so its frames are never written. Closing the stream channel
     * does not: the frame codec drops the reset of a stream the connection has not created, and the queue would
     * send the frames when a slot frees. A reset given to the queueing encoder itself removes them.
     */
    private static void dropQueuedStream(Http2StreamChannel stream) {
        ChannelHandlerContext ctx = stream.parent().pipeline().context(Http2FrameCodec.class);
        ((Http2FrameCodec) ctx.handler()).encoder().writeRstStream(ctx, stream.stream().id(), Http2Error.CANCEL.code(),
                ctx.newPromise());
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
        if (ch == http2) {
            http2 = null;
        }
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
        if (http2 != null && streams == 0 && now - http2IdleSince >= limit) {
            http2.close();
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
