package dev.seestack.log4j2;

import dev.seestack.internal.diag.DiagnosticSink;
import org.apache.logging.log4j.status.StatusLogger;

/** Sends the SDK's own warnings to Log4j2's status logger, which never passes through appenders. */
final class StatusLoggerSink implements DiagnosticSink {
    static final StatusLoggerSink INSTANCE = new StatusLoggerSink();

    private static final StatusLogger LOGGER = StatusLogger.getLogger();

    private StatusLoggerSink() {
    }

    @Override
    public void report(String level, String message) {
        if ("ERROR".equals(level)) {
            LOGGER.error("{}", message);
        } else if ("WARN".equals(level)) {
            LOGGER.warn("{}", message);
        } else {
            LOGGER.info("{}", message);
        }
    }
}
