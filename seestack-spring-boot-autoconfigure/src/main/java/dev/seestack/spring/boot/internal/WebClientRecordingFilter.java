package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.http.OutboundExchange;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Records each {@code WebClient} exchange as an outbound HTTP item and propagates the trace id current when the
 * request is built ({@code X-Request-ID}, {@code traceparent}) unless the caller set one. The item is recorded
 * when the response arrives (body size from Content-Length), with status 0 on a failure or cancellation.
 */
final class WebClientRecordingFilter implements ExchangeFilterFunction {
    private final SeeStackClient client;

    WebClientRecordingFilter(SeeStackClient client) {
        this.client = client;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> {
            OutboundExchange exchange = OutboundExchange.begin(() -> client, request.method().name(), request.url(),
                    name -> request.headers().getFirst(name));
            if (exchange == null) {
                return next.exchange(request);
            }
            ClientRequest actual = exchange.headersToAdd().isEmpty() ? request
                    : ClientRequest.from(request).headers(h -> exchange.headersToAdd().forEach(h::set)).build();
            long requestSize = Math.max(0, request.headers().getContentLength());
            AtomicBoolean recorded = new AtomicBoolean();
            return next.exchange(actual)
                    .doOnNext(response -> {
                        if (recorded.compareAndSet(false, true)) {
                            exchange.finish(response.statusCode().value(), requestSize,
                                    response.headers().contentLength().orElse(0));
                        }
                    })
                    .doOnError(e -> {
                        if (recorded.compareAndSet(false, true)) {
                            exchange.finish(0, requestSize, 0);
                        }
                    })
                    .doOnCancel(() -> {
                        if (recorded.compareAndSet(false, true)) {
                            exchange.finish(0, requestSize, 0);
                        }
                    });
        });
    }
}
