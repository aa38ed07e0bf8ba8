package dev.seestack.reliability;

import java.util.logging.Level;

/**
 * Mains run in child JVMs: each logs {@link #EVENTS} events through one framework and ends with
 * {@code System.exit(0)} without flushing or stopping anything, so only the shutdown drain can deliver them.
 */
final class ExitingApps {
    static final int EVENTS = 100;

    private ExitingApps() {
    }

    /** Logback through SLF4J ({@code -Dlogback.configurationFile}). */
    static final class ThroughLogback {
        public static void main(String[] args) {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("app.exiting");
            for (int i = 0; i < EVENTS; i++) {
                log.info("exiting {}", i);
            }
            System.exit(0);
        }
    }

    /**
     * Logback through SLF4J, with an application shutdown hook that logs {@link #EVENTS} more events while the
     * SDK's own hook is already draining (as a framework closing its context does).
     */
    static final class ThroughLogbackWithLateHook {
        public static void main(String[] args) {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("app.exiting");
            log.info("started");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    log.info("late {}", i);
                }
            }, "app-shutdown"));
            System.exit(0);
        }
    }

    /** Log4j2 through its own API ({@code -Dlog4j2.configurationFile}). */
    static final class ThroughLog4j2 {
        public static void main(String[] args) {
            org.apache.logging.log4j.Logger log = org.apache.logging.log4j.LogManager.getLogger("app.exiting");
            for (int i = 0; i < EVENTS; i++) {
                log.info("exiting {}", i);
            }
            System.exit(0);
        }
    }

    /** java.util.logging ({@code -Djava.util.logging.config.file}). */
    static final class ThroughJul {
        public static void main(String[] args) {
            java.util.logging.Logger log = java.util.logging.Logger.getLogger("app.exiting");
            for (int i = 0; i < EVENTS; i++) {
                log.log(Level.INFO, "exiting {0}", i);
            }
            System.exit(0);
        }
    }
}
