package dev.seestack.internal;

import dev.seestack.ErrorContext;
import dev.seestack.internal.diag.Diagnostics;
import java.io.PrintStream;
import java.util.function.BiConsumer;

/**
 * The default uncaught-exception handler of option {@code captureUncaughtExceptions}: sends the exception as an
 * error at level {@code fatal}, waits up to the flush deadline so it is delivered before the thread (or the JVM)
 * dies, then hands it to the handler installed before, or prints it as the JVM's default does.
 */
final class UncaughtExceptionReporter implements Thread.UncaughtExceptionHandler {
    private final BiConsumer<Throwable, ErrorContext> errors;
    private final Runnable flush;
    private final Thread.UncaughtExceptionHandler previous;

    private UncaughtExceptionReporter(BiConsumer<Throwable, ErrorContext> errors, Runnable flush,
            Thread.UncaughtExceptionHandler previous) {
        this.errors = errors;
        this.flush = flush;
        this.previous = previous;
    }

    /**
     * Installs a reporter as the default handler, chaining the current one; null if not allowed. It hands each
     * exception to {@code errors} (the client's {@code captureError}), then runs {@code flush} (bounded).
     */
    static UncaughtExceptionReporter install(BiConsumer<Throwable, ErrorContext> errors, Runnable flush,
            Diagnostics diagnostics) {
        try {
            UncaughtExceptionReporter reporter = new UncaughtExceptionReporter(errors, flush,
                    Thread.getDefaultUncaughtExceptionHandler());
            Thread.setDefaultUncaughtExceptionHandler(reporter);
            return reporter;
        } catch (SecurityException e) {
            diagnostics.warn("SeeStack SDK: captureUncaughtExceptions is on but the default uncaught-exception"
                    + " handler cannot be set here (" + e + "); uncaught exceptions are not captured.");
            return null;
        }
    }

    /** Puts the previous handler back if this one is still the default (a later one installed on top stays). */
    void uninstall() {
        try {
            if (Thread.getDefaultUncaughtExceptionHandler() == this) {
                Thread.setDefaultUncaughtExceptionHandler(previous);
            }
        } catch (SecurityException ignored) {
            // left installed: after close its captures are ignored and it still chains the previous handler
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable throwable) {
        try {
            errors.accept(throwable, ErrorContext.builder().level("fatal").put("thread", thread.getName())
                    .put("uncaught", true).build());
            flush.run();
        } catch (RuntimeException | LinkageError ignored) {
            // reporting must never change how the application's thread dies
        } finally {
            if (previous != null) {
                previous.uncaughtException(thread, throwable);
            } else {
                printLikeTheJvm(thread, throwable);
            }
        }
    }

    /** What {@link ThreadGroup#uncaughtException} prints when no default handler is set. */
    private static void printLikeTheJvm(Thread thread, Throwable throwable) {
        PrintStream err = System.err;
        err.print("Exception in thread \"" + thread.getName() + "\" ");
        throwable.printStackTrace(err);
    }
}
