package dev.seestack.examples.logback;

import ch.qos.logback.classic.LoggerContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs through SLF4J + Logback with the SeeStack appender configured in {@code examples/logback.xml}: a log with
 * MDC context, then an error with a cause chain (one error + one log).
 */
public final class LogbackExample {
    private LogbackExample() {
    }

    public static void main(String[] args) {
        // In an application Logback finds src/main/resources/logback.xml by itself. This module holds several
        // examples, so this one names its file (a class path resource) before SLF4J starts.
        System.setProperty("logback.configurationFile", "examples/logback.xml");
        Logger log = LoggerFactory.getLogger(LogbackExample.class);

        try (MDC.MDCCloseable traceId = MDC.putCloseable("traceId", UUID.randomUUID().toString());
                MDC.MDCCloseable service = MDC.putCloseable("service", "checkout");
                MDC.MDCCloseable userId = MDC.putCloseable("userId", "u-42")) {
            log.atInfo().addKeyValue("orderId", 1001).log("order placed");
            log.error("payment failed", new IllegalStateException("payment declined",
                    new java.io.IOException("gateway timed out")));
        }

        // Stopping the context stops the appender: it sends what is buffered (at most 5 s) and stops the SDK.
        // The <shutdownHook/> in logback.xml does the same at JVM exit.
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
