package dev.seestack.spring.boot.log4j2;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain (non-web) Boot application that logs through Log4j2. */
@SpringBootApplication(proxyBeanMethods = false)
public class InventoryApp {
}
