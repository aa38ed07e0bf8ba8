package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * The WebFlux counterpart of the servlet filter: records every request the application serves as an inbound
 * HTTP item (see {@link ReactiveInboundExchange}; a tracer's trace id is read inside the request's observation, see
 * {@link RequestObservation}), puts the request's trace id into the Reactor context (and the
 * MDC, where the application propagates the context, see {@link ReactorMdcAccessors}), and captures an exception
 * escaping the handler once, as an error carrying the request's trace id and user. Never breaks a request.
 */
final class ReactiveInboundFilter implements WebFilter, Ordered {
    /** Whether Micrometer's observation API is present: a tracer's span is then read in the request's observation. */
    private static final boolean OBSERVATIONS = ClassUtils.isPresent("io.micrometer.observation.Observation",
            ReactiveInboundFilter.class.getClassLoader());
    private final SeeStackClient client;
    private final int order;
    private final boolean captureExceptions;

    ReactiveInboundFilter(SeeStackClient client, int order, boolean captureExceptions) {
        this.client = client;
        this.order = order;
        this.captureExceptions = captureExceptions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!OBSERVATIONS) {
            return filter(exchange, chain, ReactiveInboundExchange.begin(client, exchange));
        }
        return Mono.deferContextual(context -> filter(exchange, chain,
                RequestObservation.inScope(context, () -> ReactiveInboundExchange.begin(client, exchange))));
    }

    private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, ReactiveInboundExchange recording) {
        if (recording == null) {
            return chain.filter(exchange);
        }
        return chain.filter(recording.chainExchange())
                .contextWrite(context -> context.put(ReactorMdcAccessors.TRACE_ID_KEY, recording.traceId()))
                .doOnError(error -> recording.failed(error, captureExceptions))
                .doFinally(signal -> recording.end(signal == SignalType.CANCEL));
    }

    @Override
    public int getOrder() {
        return order;
    }
}
