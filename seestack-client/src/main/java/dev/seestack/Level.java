package dev.seestack;

/**
 * The levels SeeStack stores logs and errors at, lowest first. The {@code String} overloads of
 * {@code captureLog} and {@code ErrorContext.Builder.level} accept the same names (and common framework
 * synonyms such as {@code warning} or {@code severe}) in any case.
 */
public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR,
    FATAL
}
