package dev.seestack.spring.boot.tracing;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * The application of the tracing tests: a request that logs, hands work to an {@code @Async} method and to Boot's
 * executor through {@code CompletableFuture.supplyAsync}, one that fails into Boot's error page, and an owner page
 * reached with a {@code ;jsessionid=} path parameter.
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

        Orders(Mailer mailer, AsyncTaskExecutor applicationTaskExecutor) {
            this.mailer = mailer;
            this.applicationTaskExecutor = applicationTaskExecutor;
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
