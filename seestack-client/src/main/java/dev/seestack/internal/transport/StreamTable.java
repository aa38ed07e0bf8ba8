package dev.seestack.internal.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2ChannelDuplexHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2FrameStreamEvent;
import io.netty.handler.codec.http2.Http2FrameStreamException;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchanges on one HTTP/2 connection, a stream each, at the frame level (no channel and pipeline per stream,
 * less code to run and to compile in a new JVM): writes a request's frames, feeds its answer's frames into its
 * {@link Exchange}, gives the flow-control window back as answers are read, and reports each stream's end (its
 * answer, a reset, the connection's close) to the {@link ConnectionPool}. Used on the event loop only.
 */
final class StreamTable extends Http2ChannelDuplexHandler {
    private final ConnectionPool pool;
    private final Map<Http2FrameStream, Exchange> exchanges = new IdentityHashMap<>();
    private ChannelHandlerContext ctx;
    /** The connection's frame codec: its encoder queues the streams beyond the server's limit. */
    private ChannelHandlerContext codec;
    /** Whether a stream of this connection was answered (a request on it then goes on a reused connection). */
    private boolean answered;
    /** When the last stream left ({@link ConnectionPool}'s clock), or the connection opened. */
    private long idleSince;

    StreamTable(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    protected void handlerAdded0(ChannelHandlerContext context) {
        this.ctx = context;
        this.codec = context.pipeline().context(Http2FrameCodec.class);
    }

    /** Whether no stream is open or waiting for the server's stream limit. */
    boolean isEmpty() {
        return exchanges.isEmpty();
    }

    /** Streams open or waiting for the server's stream limit. */
    int size() {
        return exchanges.size();
    }

    /** The server's {@code SETTINGS_MAX_CONCURRENT_STREAMS}; {@link Integer#MAX_VALUE} until its SETTINGS say. */
    int streamLimit() {
        return ((Http2FrameCodec) codec.handler()).connection().local().maxActiveStreams();
    }

    Channel channel() {
        return ctx.channel();
    }

    boolean answered() {
        return answered;
    }

    /** A stream of this connection was answered. */
    void markAnswered() {
        answered = true;
    }

    long idleSince() {
        return idleSince;
    }

    /** {@code now}: when the connection opened or its last stream left. */
    void idleSince(long now) {
        idleSince = now;
    }

    /** Writes {@code ex}'s headers (and body) on a new stream; the flush is the connection's (one per loop turn). */
    void send(Exchange ex) {
        Http2FrameStream stream = newStream();
        ex.stream = stream;
        exchanges.put(stream, ex);
        if (ex.hasBody()) {
            ctx.write(ex.http2Headers(false).stream(stream)).addListener(w -> {
                if (!w.isSuccess()) {
                    streamLost(stream, w.cause());
                }
            });
        }
        ctx.writeAndFlush((ex.hasBody() ? ex.http2Body() : ex.http2Headers(true)).stream(stream)).addListener(w -> {
            if (w.isSuccess()) {
                ex.bodyWritten = true;
            } else {
                streamLost(stream, w.cause());
            }
        });
    }

    /**
     * Forgets {@code ex}'s stream and resets it when still open (a timeout, a failure): the connection stays. A stream
     * still queued behind the server's limit leaves the queue, so its frames are never written later.
     */
    void cancel(Exchange ex) {
        Http2FrameStream stream = ex.stream;
        if (stream == null || exchanges.remove(stream) == null || !ctx.channel().isActive()) {
            return;
        }
        if (queued(stream)) {
            // a reset frame would not do: the codec drops the reset of a stream the connection has not created, and
            // the queue would send the frames when a slot frees; a reset given to the queueing encoder removes them
            ((Http2FrameCodec) codec.handler()).encoder().writeRstStream(codec, stream.id(), Http2Error.CANCEL.code(),
                    codec.newPromise());
        } else if (stream.id() > 0 && stream.state() != Http2Stream.State.CLOSED) {
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL).stream(stream), ctx.newPromise());
        }
    }

    /** Whether {@code ex}'s stream still waits for a slot under the server's {@code MAX_CONCURRENT_STREAMS}. */
    boolean queued(Exchange ex) {
        return ex.stream != null && exchanges.get(ex.stream) == ex && queued(ex.stream);
    }

    /** Its headers got a stream id, but the connection never created that stream: none of its frames left. */
    private boolean queued(Http2FrameStream stream) {
        int id = stream.id();
        return Http2CodecUtil.isStreamIdValid(id)
                && !((Http2FrameCodec) codec.handler()).connection().streamMayHaveExisted(id);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof Http2StreamFrame)) {
            ReferenceCountUtil.release(msg); // settings, pings, GOAWAY: the codec has acted on them
            return;
        }
        try {
            Http2StreamFrame frame = (Http2StreamFrame) msg;
            Exchange ex = exchanges.get(frame.stream());
            if (msg instanceof Http2DataFrame) {
                Http2DataFrame data = (Http2DataFrame) msg;
                if (data.initialFlowControlledBytes() > 0) { // read: the server may send that much more
                    context.write(new DefaultHttp2WindowUpdateFrame(data.initialFlowControlledBytes())
                            .stream(data.stream()), context.newPromise());
                }
                if (ex != null) {
                    ex.onContent(data.content());
                    ended(ex, data.isEndStream());
                }
            } else if (msg instanceof Http2HeadersFrame && ex != null) {
                Http2HeadersFrame headers = (Http2HeadersFrame) msg;
                if (!ex.headed) {
                    ex.headed = ex.onHead(headers.headers());
                }
                ended(ex, headers.isEndStream());
            } else if (msg instanceof Http2ResetFrame && ex != null) {
                streamLost(frame.stream(), new IOException("stream reset by " + ex.endpoint() + " (error "
                        + ((Http2ResetFrame) msg).errorCode() + ")"));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        context.flush(); // the window updates of this read
        context.fireChannelReadComplete();
    }

    private void ended(Exchange ex, boolean endStream) {
        if (!endStream) {
            return;
        }
        exchanges.remove(ex.stream);
        if (ex.headed) {
            pool.answered(ctx.channel(), ex);
        } else {
            pool.lost(ctx.channel(), ex, new IOException("stream from " + ex.endpoint() + " ended without an answer"));
        }
    }

    private void streamLost(Http2FrameStream stream, Throwable cause) {
        Exchange ex = exchanges.get(stream);
        if (ex != null) {
            pool.lost(ctx.channel(), ex, cause); // which cancels it here
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt instanceof Http2FrameStreamEvent && ((Http2FrameStreamEvent) evt).type() == Http2FrameStreamEvent.Type.State) {
            Http2FrameStream stream = ((Http2FrameStreamEvent) evt).stream();
            if (stream.state() == Http2Stream.State.CLOSED && exchanges.containsKey(stream)) {
                streamLost(stream, new IOException("stream closed before the answer"));
            }
            return;
        }
        context.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        List<Exchange> left = new ArrayList<>(exchanges.values());
        exchanges.clear();
        for (Exchange ex : left) {
            pool.lost(context.channel(), ex, new IOException("connection to " + ex.endpoint() + " closed before the answer"));
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof Http2FrameStreamException) { // one stream's error: the others go on
            streamLost(((Http2FrameStreamException) cause).stream(), cause);
            return;
        }
        context.fireExceptionCaught(cause);
    }
}
