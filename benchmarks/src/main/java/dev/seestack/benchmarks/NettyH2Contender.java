package dev.seestack.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;

/**
 * Netty 4.1 over HTTP/2 with TLS (JDK provider, ALPN {@code h2}): one NIO event loop, one connection, one stream
 * channel per request ({@code Http2FrameCodec} + {@code Http2MultiplexHandler}), headers then the body as one
 * data frame.
 */
final class NettyH2Contender extends AsyncContender {
    private final NioEventLoopGroup loop = new NioEventLoopGroup(1);
    private final Http2StreamChannelBootstrap streams;
    private final Endpoint endpoint;

    NettyH2Contender(Endpoint endpoint) throws Exception {
        super(endpoint.inFlight());
        this.endpoint = endpoint;
        SslContext tls = SslContextBuilder.forClient().trustManager(ClientTls.trustManagers(endpoint.trustStore()))
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2)).build();
        Channel connection = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc(), endpoint.base().getHost(),
                                endpoint.base().getPort()), Http2FrameCodecBuilder.forClient().build(),
                                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                }).connect(endpoint.base().getHost(), endpoint.base().getPort()).sync().channel();
        connection.pipeline().get(SslHandler.class).handshakeFuture().sync();
        this.streams = new Http2StreamChannelBootstrap(connection);
    }

    @Override
    void send(Answer answer) {
        streams.open().addListener(opened -> {
            if (!opened.isSuccess()) {
                answer.done(false);
                return;
            }
            Http2StreamChannel stream = (Http2StreamChannel) opened.getNow();
            stream.pipeline().addLast(new StreamAnswer(answer));
            stream.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("POST").scheme("https")
                    .authority(endpoint.authority()).path(endpoint.logs().getRawPath()).add("content-type", "application/json")
                    .add("x-seestack-key", "bench").addInt("content-length", LOG_BODY.length), false));
            stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(LOG_BODY), true));
        });
    }

    /** Reads one stream's answer: its status from the headers, done at the end of the stream. */
    private static final class StreamAnswer extends SimpleChannelInboundHandler<Http2StreamFrame> {
        private final Answer answer;
        private boolean ok;
        private boolean done;

        StreamAnswer(Answer answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
            boolean end = false;
            if (frame instanceof Http2HeadersFrame headers) {
                CharSequence status = headers.headers().status();
                ok = ok || (status != null && status.length() == 3 && status.charAt(0) == '2');
                end = headers.isEndStream();
            } else if (frame instanceof Http2DataFrame data) {
                end = data.isEndStream();
            }
            if (end) {
                finish(ok);
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            finish(false);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void finish(boolean answered) {
            if (!done) {
                done = true;
                answer.done(answered);
            }
        }
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
