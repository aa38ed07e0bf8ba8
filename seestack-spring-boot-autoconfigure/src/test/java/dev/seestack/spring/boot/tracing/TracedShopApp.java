package dev.seestack.spring.boot.tracing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The application of the tracing tests: a request that logs, hands work to an {@code @Async} method and to Boot's
 * executor through {@code CompletableFuture.supplyAsync}, one that calls a partner through Boot's {@code RestClient}
 * and {@code WebClient}, one that fails into Boot's error page, and an owner page reached with a {@code ;jsessionid=}
 * path parameter.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableAsync
public class TracedShopApp {
    /** Sends the confirmation mail on Boot's task executor. */
    @Service
    public static class Mailer {
        private static final Logger log = LoggerFactory.getLogger("com.shop.Mailer");

        @Async
        public CompletableFuture<String> sendConfirmation() {
            log.info("confirmation mailed");
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @RestController
    static class Orders {
        private static final Logger log = LoggerFactory.getLogger("com.shop.Orders");
        private final Mailer mailer;
        private final AsyncTaskExecutor applicationTaskExecutor;
        private final RestClient.Builder restClients;
        private final WebClient.Builder webClients;

        Orders(Mailer mailer, AsyncTaskExecutor applicationTaskExecutor, RestClient.Builder restClients,
                WebClient.Builder webClients) {
            this.mailer = mailer;
            this.applicationTaskExecutor = applicationTaskExecutor;
            this.restClients = restClients;
            this.webClients = webClients;
        }

        @GetMapping("/orders")
        String order() throws Exception {
            log.info("order placed");
            String mailThread = mailer.sendConfirmation().get(10, TimeUnit.SECONDS);
            String stockThread = CompletableFuture.supplyAsync(() -> {
                log.info("stock reserved");
                return Thread.currentThread().getName();
            }, applicationTaskExecutor).get(10, TimeUnit.SECONDS);
            return mailThread + "," + stockThread;
        }

        /** Tells a partner through a {@code RestClient} and a {@code WebClient} built from Boot's builders. */
        @GetMapping("/orders/notify")
        String notifyPartner(@RequestParam("partner") String partner) {
            String viaRestClient = restClients.build().get().uri(partner + "/rest").retrieve().body(String.class);
            String viaWebClient = webClients.build().get().uri(partner + "/web").retrieve().bodyToMono(String.class)
                    .block(Duration.ofSeconds(10));
            return viaRestClient + "," + viaWebClient;
        }

        @GetMapping("/oups")
        String oups() {
            throw new IllegalStateException("kitchen on fire");
        }

        @GetMapping("/owners/{id}")
        String owner(@PathVariable("id") String id) {
            return "owner " + id;
        }
    }
}
