package dev.seestack.spring.boot.internal;

import dev.seestack.internal.http.ByteCounter;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A WebFlux response decorator adding every body byte written through it to a counter. */
class CountingServerResponse extends ServerHttpResponseDecorator {
    private final ByteCounter bytes;

    CountingServerResponse(ServerHttpResponse delegate, ByteCounter bytes) {
        super(delegate);
        this.bytes = bytes;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return super.writeWith(Flux.from(body).doOnNext(b -> bytes.add(b.readableByteCount())));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return super.writeAndFlushWith(Flux.from(body).map(part -> Flux.from(part)
                .doOnNext(b -> bytes.add(b.readableByteCount()))));
    }
}
