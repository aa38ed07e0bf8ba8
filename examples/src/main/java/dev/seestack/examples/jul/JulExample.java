package dev.seestack.examples.jul;

import dev.seestack.SeeStackContext;
import dev.seestack.jul.SeeStackHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logs through {@code java.util.logging} with the SeeStack handler configured by {@code examples/logging.properties}:
 * a log inside a {@link SeeStackContext} scope (JUL has no MDC), then a SEVERE record with a throwable (one error +
 * one log).
 */
public final class JulExample {
    private JulExample() {
    }

    public static void main(String[] args) throws IOException {
        // Defaults for the local collector, used by ${SEESTACK_...} in logging.properties when the variables are unset.
        defaultProperty("SEESTACK_HOST", "http://127.0.0.1:7717");
        defaultProperty("SEESTACK_API_KEY", "local-dev-key");
        defaultProperty("SEESTACK_ENVIRONMENT", "development");

        try (InputStream config = JulExample.class.getResourceAsStream("/examples/logging.properties")) {
            LogManager.getLogManager().readConfiguration(config);
        }
        // Reads its options (dev.seestack.jul.SeeStackHandler.*) from the configuration just loaded.
        Logger.getLogger("").addHandler(new SeeStackHandler());

        Logger log = Logger.getLogger(JulExample.class.getName());
        try (SeeStackContext.Scope scope = SeeStackContext.with(UUID.randomUUID().toString(), "inventory", "u-42")) {
            log.log(Level.INFO, "reserved {0} units of {1}", new Object[] {3, "SKU-42"});
            log.log(Level.SEVERE, "stock sync failed", new IllegalStateException("warehouse out of sync",
                    new ArithmeticException("negative stock: -3")));
        }

        // Closes every handler: the SeeStack handler sends what is buffered (at most 5 s) and stops the SDK.
        // JUL's own shutdown hook does the same at JVM exit.
        LogManager.getLogManager().reset();
    }

    private static void defaultProperty(String name, String value) {
        if (System.getenv(name) == null && System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
