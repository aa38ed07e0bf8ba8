package dev.seestack.spring.boot.graceful;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Run in a child JVM by {@link dev.seestack.spring.boot.GracefulShutdownTest}: logs continuously from a
 * background thread and serves slow requests; on SIGTERM it reports on stdout how many logs were written before
 * the context closed ({@code LOGGED n}). Stdout lines are its protocol with the test.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class GracefulShopApp {
    private static final Logger log = LoggerFactory.getLogger("com.shop.Background");
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger logged = new AtomicInteger();
    private Thread writer;

    public static void main(String[] args) {
        SpringApplication.run(GracefulShopApp.class, args);
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        writer = new Thread(() -> {
            while (!stopped.get()) {
                log.info("background {}", logged.get());
                logged.incrementAndGet();
                LockSupport.parkNanos(3_000_000);
            }
        }, "background-writer");
        writer.start();
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        System.out.println("PORT " + port);
    }

    @EventListener
    public void closing(ContextClosedEvent event) throws InterruptedException {
        stopped.set(true);
        if (writer != null) {
            writer.join();
        }
        System.out.println("LOGGED " + logged.get());
    }

    @RestController
    static class Slow {
        private static final Logger requests = LoggerFactory.getLogger("com.shop.Slow");

        @GetMapping("/slow")
        String slow(@RequestParam("i") int i) {
            System.out.println("STARTED " + i);
            LockSupport.parkNanos(800_000_000L);
            requests.info("slow done {}", i);
            return "done " + i;
        }
    }
}
