package dev.seestack.internal.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * The last handler of an HTTP/1.1 connection or an HTTP/2 stream: feeds the answer of the exchange it carries
 * into that {@link Exchange} (HTTP/1.1 messages, or HTTP/2 frames as they come) and reports the end, a close or a
 * failure to its {@link ConnectionPool}.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    private final ConnectionPool pool;
    private Exchange current;
    /** HTTP/2: the final (non-1xx) headers came; a later headers frame is trailers. */
    private boolean headed;

    ExchangeHandler(ConnectionPool pool) {
        this.pool = pool;
    }

    /** Hands it the exchange whose request is about to be written on this channel. */
    void carry(Exchange exchange) {
        current = exchange;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            Exchange ex = current;
            if (ex != null && (msg instanceof Http2HeadersFrame || msg instanceof Http2DataFrame)) {
                onFrame(ctx, ex, msg);
                return;
            }
            if (ex == null || !(msg instanceof HttpObject)) {
                return; // an answer nobody asked for: dropped
            }
            HttpObject http = (HttpObject) msg;
            if (http.decoderResult().isFailure()) {
                current = null;
                pool.lost(ctx.channel(), ex, new IOException("malformed HTTP answer from " + ex.endpoint(),
                        http.decoderResult().cause()));
                ctx.close();
                return;
            }
            if (msg instanceof HttpResponse) {
                ex.onHead((HttpResponse) msg);
            }
            if (msg instanceof HttpContent) {
                ex.onContent(((HttpContent) msg).content());
                if (msg instanceof LastHttpContent && ex.onEnd()) {
                    current = null;
                    pool.answered(ctx.channel(), ex);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** An HTTP/2 frame of the answer: headers (1xx ones skipped, trailers ignored), data, and the stream's end. */
    private void onFrame(ChannelHandlerContext ctx, Exchange ex, Object frame) {
        boolean end;
        if (frame instanceof Http2HeadersFrame) {
            Http2HeadersFrame headers = (Http2HeadersFrame) frame;
            if (!headed) {
                headed = ex.onHead(headers.headers());
            }
            end = headers.isEndStream();
        } else {
            Http2DataFrame data = (Http2DataFrame) frame;
            ex.onContent(data.content());
            end = data.isEndStream();
        }
        if (end) {
            current = null;
            if (headed) {
                pool.answered(ctx.channel(), ex);
            } else {
                pool.lost(ctx.channel(), ex, new IOException("stream from " + ex.endpoint() + " ended without an answer"));
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange ex = current;
        current = null;
        if (ex != null) {
            pool.lost(ctx.channel(), ex, new IOException("connection to " + ex.endpoint() + " closed before the answer"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange ex = current;
        current = null;
        if (ex != null) {
            pool.lost(ctx.channel(), ex, cause);
        }
        ctx.close();
    }
}
