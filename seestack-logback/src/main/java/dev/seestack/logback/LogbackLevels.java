package dev.seestack.logback;

import ch.qos.logback.classic.Level;
import dev.seestack.internal.event.Severity;

/** Maps Logback levels onto the backend's severities: TRACE and DEBUG become debug, the others keep their name. */
final class LogbackLevels {
    private LogbackLevels() {
    }

    /** The severity of an event's level; allocation-free so it can run on every logging call. */
    static Severity toSeverity(Level level) {
        int value = level.levelInt;
        if (value >= Level.ERROR_INT) {
            return Severity.ERROR;
        }
        if (value >= Level.WARN_INT) {
            return Severity.WARN;
        }
        if (value >= Level.INFO_INT) {
            return Severity.INFO;
        }
        return Severity.DEBUG;
    }

    /**
     * The threshold named by a Logback level name (any case), or null when the name is unknown. {@code OFF}
     * maps to {@link Severity#FATAL}, above every Logback event, so that threshold never matches.
     */
    static Severity parseThreshold(String name) {
        Level level = name == null ? null : Level.toLevel(name.strip(), null);
        if (level == null) {
            return null;
        }
        return level.levelInt == Level.OFF_INT ? Severity.FATAL : toSeverity(level);
    }
}
