package dev.seestack.log4j2;

import dev.seestack.internal.event.Severity;
import java.util.Locale;
import org.apache.logging.log4j.Level;

/**
 * Maps Log4j2 levels, standard and custom, onto the SDK's severities by their numeric rank: up to FATAL (100)
 * is fatal, up to ERROR (200) error, up to WARN (300) warn, up to INFO (400) info, anything finer debug.
 */
final class LevelMapper {
    private LevelMapper() {
    }

    static Severity severity(Level level) {
        int rank = level == null ? Level.INFO.intLevel() : level.intLevel();
        if (rank <= Level.FATAL.intLevel()) {
            return Severity.FATAL;
        }
        if (rank <= Level.ERROR.intLevel()) {
            return Severity.ERROR;
        }
        if (rank <= Level.WARN.intLevel()) {
            return Severity.WARN;
        }
        if (rank <= Level.INFO.intLevel()) {
            return Severity.INFO;
        }
        return Severity.DEBUG;
    }

    /**
     * The severity of a Log4j2 level name (any case, custom levels included once defined); null when the name
     * is blank or not a Log4j2 level.
     */
    static Severity severityOfName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Level level = Level.getLevel(name.strip().toUpperCase(Locale.ROOT));
        return level == null ? null : severity(level);
    }
}
