package dev.seestack.jul;

import dev.seestack.internal.logging.AdapterOptions;
import dev.seestack.internal.logging.AdapterSession;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ErrorManager;

/**
 * The SDK session of a {@link SeeStackHandler}: opened on the first record (not in the constructor, so code can
 * still set options and an ErrorManager, and JUL's configuration pass stays free of SDK start-up), reported once
 * when it cannot open, closed once. Option changes run under the same lock as the start.
 */
final class HandlerSession {
    /** How the handler reports a problem: through its {@link ErrorManager}, with one of its codes. */
    interface ErrorReport {
        void report(String message, int code);
    }

    private enum State { NEW, STARTING, RUNNING, FAILED, CLOSED }

    private final Object lifecycle = new Object();
    private final AdapterOptions options;
    private final HandlerProperties properties;
    private final String handlerName;
    private final ErrorReport errors;
    private volatile State state = State.NEW;
    private volatile AdapterSession session;

    HandlerSession(AdapterOptions options, HandlerProperties properties, String handlerName, ErrorReport errors) {
        this.options = options;
        this.properties = properties;
        this.handlerName = handlerName;
        this.errors = errors;
    }

    /** Applies a change of the options, never in the middle of the start that reads them. */
    void change(Runnable change) {
        synchronized (lifecycle) {
            change.run();
        }
    }

    /** Whether a session was opened and not closed yet. */
    boolean isOpen() {
        return session != null;
    }

    /** The open session, opening it on the first call; null when it failed to open, is closed or still opening. */
    AdapterSession current() {
        AdapterSession current = session;
        if (current != null || state == State.FAILED || state == State.CLOSED) {
            return current;
        }
        synchronized (lifecycle) {
            if (state == State.NEW) {
                start();
            }
            // STARTING here means a record published by the start itself on this thread: it is dropped
            return session;
        }
    }

    // Reports once: the unusable values, and why the handler stays inert when it cannot start.
    private void start() {
        state = State.STARTING;
        List<String> problems = new ArrayList<>(properties.problems());
        problems.addAll(options.warnings());
        try {
            session = AdapterSession.open(options, (level, message) -> errors.report(message,
                    ErrorManager.GENERIC_FAILURE));
            state = State.RUNNING;
        } catch (IllegalArgumentException e) {
            state = State.FAILED;
            problems.add(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            state = State.FAILED;
            problems.add("SeeStack: could not start (" + e + ")");
        }
        if (state == State.FAILED) {
            problems.add(handlerName + " ships nothing");
        }
        if (!problems.isEmpty()) {
            errors.report(String.join("; ", problems),
                    state == State.FAILED ? ErrorManager.OPEN_FAILURE : ErrorManager.GENERIC_FAILURE);
        }
    }

    /** Sends what is buffered (5 s deadline) and releases the SDK client; later records are ignored. Idempotent. */
    void close() {
        AdapterSession closing;
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            closing = session;
            session = null;
            state = State.CLOSED;
        }
        if (closing != null) {
            try {
                closing.close();
            } catch (RuntimeException e) {
                errors.report("SeeStack: close failed", ErrorManager.CLOSE_FAILURE);
            }
        }
    }
}
