package dev.seestack.internal.event;

import java.util.Locale;

/** The five levels the backend knows, ordered by severity, with lenient parsing of framework level names. */
public enum Severity {
    DEBUG("debug"),
    INFO("info"),
    WARN("warn"),
    ERROR("error"),
    FATAL("fatal");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    /** The exact string the protocol expects. */
    public String wireName() {
        return wireName;
    }

    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /**
     * Parses any common level name (any case): trace/finest/finer/fine/debug, info/config/information,
     * warn/warning, error/severe/err, fatal/critical/crit/emergency/alert. Returns null when unknown.
     */
    public static Severity parse(String level) {
        if (level == null) {
            return null;
        }
        switch (level.strip().toLowerCase(Locale.ROOT)) {
            case "trace":
            case "finest":
            case "finer":
            case "fine":
            case "debug":
            case "all":
                return DEBUG;
            case "info":
            case "information":
            case "config":
            case "notice":
                return INFO;
            case "warn":
            case "warning":
                return WARN;
            case "error":
            case "err":
            case "severe":
                return ERROR;
            case "fatal":
            case "critical":
            case "crit":
            case "emergency":
            case "alert":
                return FATAL;
            default:
                return null;
        }
    }
}
