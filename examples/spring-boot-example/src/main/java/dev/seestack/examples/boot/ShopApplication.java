package dev.seestack.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A shop service set up for SeeStack by the starter alone: application.properties names the backend,
 * logback-spring.xml's SeeStack appender joins the starter's client, requests, outbound calls, the controller's
 * logs and errors, and the scheduled job's heartbeats are sent without any SeeStack code here.
 */
@SpringBootApplication
@EnableScheduling
public class ShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
