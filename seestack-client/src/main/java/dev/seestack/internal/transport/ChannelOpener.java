package dev.seestack.internal.transport;

import dev.seestack.internal.config.ProxyAddress;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultNameResolver;
import io.netty.resolver.NoopAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Opens connections: TCP (connect 3 s), through the {@code proxy} option or the JVM's proxy selector (CONNECT for
 * https, absolute-form requests for plain http), then TLS with the configured or default {@code SSLContext},
 * host name verification, SNI and ALPN offering h2 and http/1.1.
 */
final class ChannelOpener {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final EventLoop loop;
    private final ByteBufAllocator allocator;
    private final SslContext tls;
    /** The {@code proxy} option, or null: then the JVM's proxy selector decides per connection. */
    private final ProxyAddress proxy;
    /**
     * Name resolution (the JVM's, blocking as {@code InetAddress} is) and none (a tunnel's target, resolved by the
     * proxy), per engine rather than Netty's JVM-wide groups: a group watches its loops' end through Netty's
     * {@code globalEventExecutor} thread, which would outlive {@code close()}; these are closed before that end.
     */
    private final AddressResolverGroup<InetSocketAddress> names = new AddressResolverGroup<>() {
        @Override
        protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
            return new DefaultNameResolver(executor).asAddressResolver();
        }
    };
    private final AddressResolverGroup<SocketAddress> noNames = new AddressResolverGroup<>() {
        @Override
        protected AddressResolver<SocketAddress> newResolver(EventExecutor executor) {
            return new NoopAddressResolver(executor);
        }
    };

    ChannelOpener(EventLoop loop, ByteBufAllocator allocator, SSLContext sslContext, ProxyAddress proxy) {
        this.loop = loop;
        this.allocator = allocator;
        this.proxy = proxy;
        ApplicationProtocolConfig alpn = new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);
        this.tls = new JdkSslContext(sslContext, true, null, IdentityCipherSuiteFilter.INSTANCE, alpn,
                ClientAuth.NONE, null, false);
    }

    /** How requests reach an endpoint: directly, through a forward proxy (plain http), or tunnelled. */
    static final class Route {
        final InetSocketAddress proxy;
        final String proxyAuthorization;

        Route(InetSocketAddress proxy, String proxyAuthorization) {
            this.proxy = proxy;
            this.proxyAuthorization = proxyAuthorization;
        }

        /** Whether plain http requests go to a forward proxy in absolute form. */
        boolean forwards(Endpoint endpoint) {
            return proxy != null && !endpoint.https();
        }
    }

    /** The route to {@code endpoint}: the {@code proxy} option, else the JVM's default proxy selector's choice. */
    Route route(Endpoint endpoint) {
        if (proxy != null) {
            String auth = proxy.hasCredentials() ? "Basic " + Base64.getEncoder().encodeToString(
                    (proxy.user() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8)) : null;
            return new Route(InetSocketAddress.createUnresolved(proxy.host(), proxy.port()), auth);
        }
        ProxySelector selector = ProxySelector.getDefault();
        if (selector != null) {
            try {
                List<Proxy> choices = selector.select(URI.create(endpoint.origin()));
                for (Proxy p : choices) {
                    if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress) {
                        InetSocketAddress a = (InetSocketAddress) p.address();
                        return new Route(InetSocketAddress.createUnresolved(a.getHostString(), a.getPort()), null);
                    }
                    if (p.type() == Proxy.Type.DIRECT) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // a selector that fails: connect directly
            }
        }
        return new Route(null, null);
    }

    /**
     * Opens a connection to {@code endpoint} over {@code route}; the promise completes with the channel once it
     * can carry requests (tunnel and TLS handshake done), or fails with what went wrong.
     */
    Promise<Channel> open(Endpoint endpoint, Route route) {
        Promise<Channel> ready = loop.newPromise();
        boolean tunnel = route.proxy != null && endpoint.https();
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, allocator)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tunnel) {
                            InetSocketAddress at = new InetSocketAddress(route.proxy.getHostString(), route.proxy.getPort());
                            HttpProxyHandler connect = route.proxyAuthorization == null ? new HttpProxyHandler(at)
                                    : new HttpProxyHandler(at, proxy.user(), proxy.password());
                            connect.setConnectTimeoutMillis(CONNECT_TIMEOUT.toMillis());
                            ch.pipeline().addLast("proxy", connect);
                        }
                        if (endpoint.https()) {
                            ch.pipeline().addLast(TLS, tlsHandler(ch, endpoint));
                        }
                        ch.pipeline().addLast(GUARD, Guard.INSTANCE);
                    }
                });
        SocketAddress remote;
        if (tunnel) {
            // the proxy resolves the target's name; the proxy's own address is resolved here (it is dialled as is)
            b.resolver(noNames);
            remote = endpoint.address();
        } else {
            b.resolver(names);
            remote = route.proxy != null ? route.proxy : endpoint.address();
        }
        ChannelFuture connected = b.connect(remote);
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                ready.tryFailure(f.cause());
                return;
            }
            Channel ch = connected.channel();
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            HttpProxyHandler connect = ch.pipeline().get(HttpProxyHandler.class);
            if (connect != null) {
                connect.connectFuture().addListener(p -> {
                    if (!p.isSuccess()) {
                        ready.tryFailure(p.cause());
                        ch.close();
                    }
                });
            }
            Future<?> last = ssl != null ? ssl.handshakeFuture() : connect != null ? connect.connectFuture() : connected;
            last.addListener(h -> {
                if (h.isSuccess()) {
                    ready.trySuccess(ch);
                } else {
                    ready.tryFailure(h.cause());
                    ch.close();
                }
            });
        });
        return ready;
    }

    /** The name of an https connection's TLS handler. */
    static final String TLS = "tls";

    /** The name of every connection's last handler; protocol handlers are added before it. */
    static final String GUARD = "guard";

    /**
     * The last handler of a connection: a failure no other handler took (a failed handshake, a reset between
     * requests) closes it quietly; the exchange on it, if any, hears through its own handler or the close.
     */
    @ChannelHandler.Sharable
    static final class Guard extends ChannelInboundHandlerAdapter {
        static final Guard INSTANCE = new Guard();

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** Releases the resolvers (on the event loop, before it ends). */
    void close() {
        names.close();
        noNames.close();
    }

    /** Whether TLS on {@code ch} agreed on HTTP/2. */
    static boolean agreedHttp2(Channel ch) {
        SslHandler ssl = ch.pipeline().get(SslHandler.class);
        return ssl != null && ApplicationProtocolNames.HTTP_2.equals(ssl.applicationProtocol());
    }

    private SslHandler tlsHandler(Channel ch, Endpoint endpoint) {
        SslHandler handler = tls.newHandler(ch.alloc(), endpoint.host(), endpoint.port());
        SSLEngine engine = handler.engine();
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!NetUtil.isValidIpV4Address(endpoint.host()) && !NetUtil.isValidIpV6Address(endpoint.host())) {
            // the JDK leaves SNI out for dot-less names (localhost, service names); SNI-routed setups need it
            params.setServerNames(List.of(new SNIHostName(endpoint.host())));
        }
        engine.setSSLParameters(params);
        handler.setHandshakeTimeoutMillis(HttpEngine.REQUEST_TIMEOUT.toMillis());
        return handler;
    }
}
