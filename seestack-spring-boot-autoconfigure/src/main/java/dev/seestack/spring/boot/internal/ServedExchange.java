package dev.seestack.spring.boot.internal;

import dev.seestack.internal.http.ByteCounter;
import dev.seestack.internal.http.ServedRequest;
import dev.seestack.internal.http.TraceIds;
import java.net.InetSocketAddress;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A WebFlux exchange as {@link ServedRequest}: its request and response decorated to count their body bytes. The
 * request's fields are read when it starts: servers such as Tomcat recycle the request once it is served.
 */
final class ServedExchange implements ServedRequest {
    private final ServerWebExchange exchange;
    private final String method;
    private final String path;
    private final String host;
    private final String serverName;
    private final String traceparent;
    private final String requestId;
    private final long declaredLength;
    private volatile int committedStatus;
    private final ByteCounter requestBytes = new ByteCounter();
    private final ByteCounter responseBytes = new ByteCounter();
    private final ServerWebExchange chainExchange;

    ServedExchange(ServerWebExchange exchange) {
        this.exchange = exchange;
        ServerHttpRequest request = exchange.getRequest();
        this.method = request.getMethod().name();
        this.path = request.getURI().getRawPath();
        this.host = request.getHeaders().getFirst("Host");
        this.serverName = serverNameOf(request);
        this.traceparent = request.getHeaders().getFirst(TraceIds.TRACEPARENT_HEADER);
        this.requestId = request.getHeaders().getFirst(TraceIds.REQUEST_ID_HEADER);
        this.declaredLength = request.getHeaders().getContentLength();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            committedStatus = statusOf(response);
            return Mono.empty();
        });
        this.chainExchange = exchange.mutate()
                .request(new ServerHttpRequestDecorator(request) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return super.getBody().doOnNext(b -> requestBytes.add(b.readableByteCount()));
                    }
                })
                .response(new CountingServerResponse(response, responseBytes))
                .build();
    }

    ServerWebExchange chainExchange() {
        return chainExchange;
    }

    /** The exchange's own response, as error handling writes to it (not the chain's counting decorator). */
    ServerHttpResponse originalResponse() {
        return exchange.getResponse();
    }

    /** This request as answered by the error handler: {@code status} and {@code bytes} of the page it wrote. */
    ServedRequest withResponse(int status, long bytes) {
        ServedExchange self = this;
        return new ServedRequest() {
            @Override
            public String method() {
                return self.method();
            }

            @Override
            public String header(String name) {
                return self.header(name);
            }

            @Override
            public String serverName() {
                return self.serverName();
            }

            @Override
            public String path() {
                return self.path();
            }

            @Override
            public int status() {
                return status;
            }

            @Override
            public long requestBytes() {
                return self.requestBytes();
            }

            @Override
            public long responseBytes() {
                return bytes;
            }
        };
    }

    Object attribute(String name) {
        return exchange.getAttribute(name);
    }

    @Override
    public String method() {
        return method;
    }

    /** The request's {@code Host}, trace headers (the only ones read), or null. */
    @Override
    public String header(String name) {
        if ("Host".equalsIgnoreCase(name)) {
            return host;
        }
        if (TraceIds.TRACEPARENT_HEADER.equalsIgnoreCase(name)) {
            return traceparent;
        }
        return TraceIds.REQUEST_ID_HEADER.equalsIgnoreCase(name) ? requestId : null;
    }

    @Override
    public String serverName() {
        return serverName;
    }

    private static String serverNameOf(ServerHttpRequest request) {
        String fromUri = request.getURI().getHost();
        if (fromUri != null) {
            return request.getURI().getPort() < 0 ? fromUri : fromUri + ":" + request.getURI().getPort();
        }
        InetSocketAddress local = request.getLocalAddress();
        return local == null ? null : local.getHostString();
    }

    @Override
    public String path() {
        return path;
    }

    /** The status the response was committed with (read before commit: the server may recycle it after). */
    @Override
    public int status() {
        int committed = committedStatus;
        return committed != 0 ? committed : statusOf(exchange.getResponse());
    }

    private static int statusOf(ServerHttpResponse response) {
        try {
            HttpStatusCode status = response.getStatusCode();
            return status == null ? 200 : status.value();
        } catch (RuntimeException e) {
            return 200;
        }
    }

    /** The declared {@code Content-Length}, else the bytes the application read. */
    @Override
    public long requestBytes() {
        return declaredLength >= 0 ? declaredLength : requestBytes.get();
    }

    @Override
    public long responseBytes() {
        return responseBytes.get();
    }
}
