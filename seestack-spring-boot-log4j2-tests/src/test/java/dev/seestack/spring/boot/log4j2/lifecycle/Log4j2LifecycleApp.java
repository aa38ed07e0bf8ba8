package dev.seestack.spring.boot.log4j2.lifecycle;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Run in a child JVM by {@link dev.seestack.spring.boot.log4j2.Log4j2LifecycleTest}: a Boot application logging
 * through Log4j2 with Boot's default set-up, an H2 {@code DataSource} (Hikari) used at startup and a
 * {@code @PreDestroy} logger; prints {@code READY} once started and runs until SIGTERM.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class Log4j2LifecycleApp {
    static final Logger log = LoggerFactory.getLogger("com.shop.Lifecycle");

    public static void main(String[] args) {
        SpringApplication.run(Log4j2LifecycleApp.class, args);
        Thread running = new Thread(() -> {
            while (true) {
                LockSupport.park();
            }
        }, "until-sigterm");
        running.start();
        System.out.println("READY");
    }

    @Bean
    CommandLineRunner stockCheck(DataSource dataSource) {
        return args -> {
            try (Connection connection = dataSource.getConnection()) {
                log.info("stock database {}", connection.getMetaData().getDatabaseProductName());
            }
        };
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
}
