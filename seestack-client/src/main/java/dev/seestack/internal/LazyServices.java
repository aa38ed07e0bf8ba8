package dev.seestack.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.delivery.HttpStack;
import dev.seestack.internal.flags.FlagEvaluator;
import dev.seestack.internal.http.HttpMonitor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The parts of a client made on first use: its HTTP client (shared by ingest and flags), its HTTP monitoring (so
 * its projectId warning appears only if used) and its feature-flag evaluator. Split out of {@link ClientCore}.
 */
final class LazyServices {
    private final ClientCore core;
    private final SeeStackConfig config;
    private final BooleanSupplier closed;
    private volatile HttpMonitor httpMonitor;
    private volatile FlagEvaluator flagEvaluator;
    private HttpStack httpStack;

    /** {@code closed} tells whether the client was closed: an HTTP client made after that is closed at once. */
    LazyServices(ClientCore core, SeeStackConfig config, BooleanSupplier closed) {
        this.core = core;
        this.config = config;
        this.closed = closed;
    }

    HttpMonitor httpMonitor() {
        HttpMonitor m = httpMonitor;
        if (m == null) {
            synchronized (this) {
                m = httpMonitor;
                if (m == null) {
                    m = new HttpMonitor(core);
                    httpMonitor = m;
                }
            }
        }
        return m;
    }

    FlagEvaluator flags() {
        FlagEvaluator f = flagEvaluator;
        if (f == null) {
            synchronized (this) {
                f = flagEvaluator;
                if (f == null) {
                    f = FlagEvaluator.create(core);
                    flagEvaluator = f;
                }
            }
        }
        return f;
    }

    synchronized HttpStack httpStack() {
        if (httpStack == null) {
            httpStack = HttpStack.forConfig(config);
            if (closed.getAsBoolean()) {
                httpStack.close();
            }
        }
        return httpStack;
    }

    /** Closes the HTTP client if one was made; its failure is swallowed (reported to {@code failure}). */
    void closeHttpStack(Consumer<RuntimeException> failure) {
        HttpStack stack;
        synchronized (this) {
            stack = httpStack;
        }
        if (stack != null) {
            try {
                stack.close();
            } catch (RuntimeException e) {
                failure.accept(e);
            }
        }
    }
}
