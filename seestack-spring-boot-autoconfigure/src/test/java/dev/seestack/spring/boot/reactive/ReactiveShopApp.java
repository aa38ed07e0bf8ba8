package dev.seestack.spring.boot.reactive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The WebFlux application the starter's reactive tests run: a controller that logs, one that echoes, one that fails. */
@SpringBootApplication(proxyBeanMethods = false)
public class ReactiveShopApp {
    @RestController
    static class Checkout {
        private static final Logger log = LoggerFactory.getLogger("com.shop.ReactiveCheckout");

        /** Logs on another thread than the request's: the MDC there comes from the Reactor context. */
        @GetMapping("/reactive/checkout")
        Mono<String> checkout() {
            return Mono.just("ok").publishOn(Schedulers.boundedElastic())
                    .doOnNext(v -> log.info("reactive checkout handled"));
        }

        @PostMapping("/reactive/orders")
        Mono<String> order(@RequestBody String body) {
            return Mono.just("order:" + body);
        }

        @GetMapping("/reactive/boom")
        Mono<String> boom() {
            return Mono.just("x").publishOn(Schedulers.boundedElastic())
                    .map(v -> {
                        throw new IllegalStateException("reactive payment backend refused");
                    });
        }
    }
}
