package dev.seestack.internal.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * The last handler of an HTTP/1.1 connection: feeds the answer of the exchange it carries into that
 * {@link Exchange} and reports the end, a close or a failure to its {@link ConnectionPool} (HTTP/2 streams:
 * {@link StreamTable}).
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    private final ConnectionPool pool;
    private Exchange current;

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
