package dev.seestack.examples.log4j2;

import java.util.UUID;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Logs through the Log4j2 API with the {@code <SeeStack>} appender configured in {@code examples/log4j2.xml}: a log
 * with ThreadContext entries, then an error with a cause chain (one error + one log).
 */
public final class Log4j2Example {
    private Log4j2Example() {
    }

    public static void main(String[] args) {
        // In an application Log4j2 finds src/main/resources/log4j2.xml by itself. This module holds several
        // examples, so this one names its file (a class path resource) before Log4j2 starts.
        System.setProperty("log4j2.configurationFile", "examples/log4j2.xml");
        Logger log = LogManager.getLogger(Log4j2Example.class);

        try (CloseableThreadContext.Instance context = CloseableThreadContext
                .put("traceId", UUID.randomUUID().toString())
                .put("service", "billing")
                .put("userId", "u-42")) {
            log.info("invoice {} issued", "INV-7");
            log.error("invoice {} could not be mailed", "INV-7", new IllegalStateException("mail server refused",
                    new java.io.IOException("550 mailbox unavailable")));
        }

        // Stopping Log4j2 stops the appender: it sends what is buffered (at most 5 s) and stops the SDK.
        // Log4j2's shutdown hook does the same at JVM exit.
        LogManager.shutdown();
    }
}
