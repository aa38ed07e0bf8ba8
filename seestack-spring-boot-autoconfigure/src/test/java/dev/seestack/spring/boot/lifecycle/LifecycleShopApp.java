package dev.seestack.spring.boot.lifecycle;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;

/**
 * Run in a child JVM by {@link dev.seestack.spring.boot.BootLifecycleTest} with the starter's default set-up (no
 * logging configuration): an H2 {@code DataSource} (Hikari) used at startup, and beans that log while the context
 * closes ({@code SmartLifecycle.stop}, {@code @PreDestroy}, {@code DisposableBean}, a post-processor's destroy).
 * Prints {@code READY} once started.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class LifecycleShopApp {
    static final Logger log = LoggerFactory.getLogger("com.shop.Lifecycle");

    public static void main(String[] args) {
        SpringApplication.run(LifecycleShopApp.class, args);
    }

    @Bean
    CommandLineRunner stockCheck(DataSource dataSource) {
        return args -> {
            try (Connection connection = dataSource.getConnection()) {
                log.info("stock database {}", connection.getMetaData().getDatabaseProductName());
            }
            log.error("warehouse check failed", new IllegalStateException("warehouse offline"));
        };
    }

    /** A post-processor created before the starter's beans, as libraries' are, so destroyed after them. */
    @Bean
    static Auditor auditor() {
        return new Auditor();
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        System.out.println("READY");
    }

    @Component
    static class Warehouse {
        @PreDestroy
        void close() {
            for (int i = 0; i < 5; i++) {
                log.info("predestroy {}", i);
            }
        }
    }

    static class Auditor implements BeanPostProcessor, PriorityOrdered, DisposableBean {
        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public void destroy() {
            log.info("auditor closed");
        }
    }

    @Component
    static class Ledger implements DisposableBean {
        @Override
        public void destroy() {
            log.info("ledger disposed");
        }
    }

    @Component
    static class Courier implements SmartLifecycle {
        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            log.info("courier stopped");
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
