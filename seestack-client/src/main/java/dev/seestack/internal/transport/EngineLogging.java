package dev.seestack.internal.transport;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the HTTP engine's (Netty's) own log lines go: debug and info nowhere, warn and error to stderr once per
 * message, prefixed as SDK diagnostics, so nothing of the engine ever reaches the application's logger.
 */
final class EngineLogging extends InternalLoggerFactory {
    /** Distinct warning texts printed at most; later new ones are dropped (a flood must not fill stderr). */
    private static final int MAX_LINES = 20;
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private EngineLogging() {
    }

    /**
     * Installs the factory before any other engine class can ask for a logger. Never asks for the current one:
     * Netty would pick its default by probing for SLF4J and announce the choice through the application's logger.
     */
    static void install() {
        InternalLoggerFactory.setDefaultFactory(new EngineLogging());
    }

    @Override
    protected InternalLogger newInstance(String name) {
        return new QuietLogger(name);
    }

    static void print(String level, String name, String message, Throwable failure) {
        String line = "SeeStack SDK: HTTP engine " + level + " (" + name + "): " + message
                + (failure == null ? "" : " — " + failure);
        if (PRINTED.size() < MAX_LINES && PRINTED.add(message)) {
            PrintStream err = System.err;
            err.println(line);
        }
    }

    private static String format(String format, Object... args) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (Object arg : args) {
            int at = format.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            b.append(format, from, at).append(arg);
            from = at + 2;
        }
        return b.append(format.substring(from)).toString();
    }

    private static Throwable failureIn(Object... args) {
        return args.length > 0 && args[args.length - 1] instanceof Throwable ? (Throwable) args[args.length - 1] : null;
    }

    /** Drops trace, debug and info; prints warn and error through {@link #print}. */
    private static final class QuietLogger extends AbstractInternalLogger {
        private static final long serialVersionUID = 1L;

        QuietLogger(String name) {
            super(name);
        }

        private void printed(String level, String format, Object... args) {
            print(level, name(), format(format, args), failureIn(args));
        }

        @Override public boolean isTraceEnabled() { return false; }
        @Override public void trace(String msg) { }
        @Override public void trace(String format, Object arg) { }
        @Override public void trace(String format, Object a, Object b) { }
        @Override public void trace(String format, Object... args) { }
        @Override public void trace(String msg, Throwable t) { }
        @Override public boolean isDebugEnabled() { return false; }
        @Override public void debug(String msg) { }
        @Override public void debug(String format, Object arg) { }
        @Override public void debug(String format, Object a, Object b) { }
        @Override public void debug(String format, Object... args) { }
        @Override public void debug(String msg, Throwable t) { }
        @Override public boolean isInfoEnabled() { return false; }
        @Override public void info(String msg) { }
        @Override public void info(String format, Object arg) { }
        @Override public void info(String format, Object a, Object b) { }
        @Override public void info(String format, Object... args) { }
        @Override public void info(String msg, Throwable t) { }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(String msg) { printed("warning", msg); }
        @Override public void warn(String format, Object arg) { printed("warning", format, arg); }
        @Override public void warn(String format, Object a, Object b) { printed("warning", format, a, b); }
        @Override public void warn(String format, Object... args) { printed("warning", format, args); }
        @Override public void warn(String msg, Throwable t) { print("warning", name(), msg, t); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(String msg) { printed("error", msg); }
        @Override public void error(String format, Object arg) { printed("error", format, arg); }
        @Override public void error(String format, Object a, Object b) { printed("error", format, a, b); }
        @Override public void error(String format, Object... args) { printed("error", format, args); }
        @Override public void error(String msg, Throwable t) { print("error", name(), msg, t); }
    }
}
