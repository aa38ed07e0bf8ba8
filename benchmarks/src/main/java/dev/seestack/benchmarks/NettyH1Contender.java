package dev.seestack.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Netty 4.1 over HTTP/1.1: one NIO event loop, {@code inFlight} keep-alive channels opened up front, each
 * carrying one request at a time ({@code HttpClientCodec} + {@code HttpObjectAggregator}, {@code writeAndFlush}
 * per request). A channel the server closed is replaced on the next request that finds none idle.
 */
final class NettyH1Contender extends AsyncContender {
    private static final AttributeKey<Answer> ANSWER = AttributeKey.valueOf("answer");

    private final NioEventLoopGroup loop = new NioEventLoopGroup(1);
    private final Queue<Channel> idle = new ConcurrentLinkedQueue<>();
    private final Bootstrap bootstrap;
    private final Endpoint endpoint;

    NettyH1Contender(Endpoint endpoint) throws InterruptedException {
        super(endpoint.inFlight());
        this.endpoint = endpoint;
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                new Answering());
                    }
                });
        for (int i = 0; i < endpoint.inFlight(); i++) {
            idle.add(connect());
        }
    }

    private Channel connect() throws InterruptedException {
        return bootstrap.connect(endpoint.base().getHost(), endpoint.base().getPort()).sync().channel();
    }

    @Override
    void send(Answer answer) {
        Channel channel = idle.poll();
        try {
            if (channel == null) {
                channel = connect();
            }
        } catch (Exception e) {
            answer.done(false);
            return;
        }
        channel.attr(ANSWER).set(answer);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                endpoint.logs().getRawPath(), Unpooled.wrappedBuffer(LOG_BODY));
        request.headers().set(HttpHeaderNames.HOST, endpoint.authority()).set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.CONTENT_LENGTH, LOG_BODY.length).set(KEY_HEADER, "bench");
        channel.writeAndFlush(request);
    }

    /** Hands the channel back before the answer frees a place in the window, so a place always has a channel. */
    private final class Answering extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Answer answer = ctx.channel().attr(ANSWER).getAndSet(null);
            idle.add(ctx.channel());
            if (answer != null) {
                answer.done(response.status().code() / 100 == 2);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            idle.remove(ctx.channel());
            Answer answer = ctx.channel().attr(ANSWER).getAndSet(null);
            if (answer != null) {
                answer.done(false);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
