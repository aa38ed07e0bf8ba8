package dev.seestack.spring.boot.internal;

import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes a WebFlux request's user from its authenticated {@link Principal} ({@code exchange.getPrincipal()}, which
 * Spring Security's filter chain provides) and makes it the request's user: on its HTTP item and errors (through
 * an exchange attribute, shared by every decorated exchange) and in the Reactor context (MDC {@code userId} where
 * the application propagates the context). Runs right after Spring Security's {@code WebFilterChainProxy}.
 */
final class ReactivePrincipalUserFilter implements WebFilter, Ordered {
    /** Spring Security's reactive filter chain runs at order -100 (WEB_FILTER_CHAIN_FILTER_ORDER). */
    static final int ORDER = -100 + 1;
    private static final String ANONYMOUS = "org.springframework.security.authentication.AnonymousAuthenticationToken";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return userOf(exchange)
                .flatMap(userId -> {
                    exchange.getAttributes().put(ReactiveInboundExchange.USER_ID_ATTRIBUTE, userId);
                    return chain.filter(exchange)
                            .contextWrite(context -> context.put(ReactorMdcAccessors.USER_ID_KEY, userId))
                            .then(Mono.just(Boolean.TRUE));
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).then(Mono.just(Boolean.TRUE))))
                .then();
    }

    private static Mono<String> userOf(ServerWebExchange exchange) {
        try {
            return exchange.getPrincipal()
                    .filter(p -> !ANONYMOUS.equals(p.getClass().getName()))
                    .map(Principal::getName)
                    .filter(name -> !name.isBlank())
                    .onErrorResume(e -> Mono.empty());
        } catch (RuntimeException | LinkageError e) {
            return Mono.empty();
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
