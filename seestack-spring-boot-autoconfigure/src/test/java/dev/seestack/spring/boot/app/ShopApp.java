package dev.seestack.spring.boot.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Boot web application the starter's tests run: one controller that logs, and one that fails. */
@SpringBootApplication(proxyBeanMethods = false)
public class ShopApp {
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(ShopApp.class, args);
    }

    @RestController
    static class Checkout {
        private static final Logger log = LoggerFactory.getLogger("com.shop.Checkout");

        @GetMapping("/checkout")
        String checkout() {
            log.info("checkout handled");
            return "ok";
        }

        /** Clears the MDC's userId before the request ends, as some applications' own filters do. */
        @GetMapping("/logout")
        String logout() {
            org.slf4j.MDC.remove("userId");
            return "bye";
        }

        @GetMapping("/stock")
        String stock() {
            return "42";
        }

        /** Handles its own failure and reports it with the facade, inside the request. */
        @GetMapping("/refund")
        String refund() {
            dev.seestack.SeeStack.captureError(new IllegalStateException("refund gateway timed out"));
            return "queued";
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("payment backend refused");
        }
    }
}
