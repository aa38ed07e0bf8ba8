package dev.seestack.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.transport.HttpStack;
import dev.seestack.internal.flags.FlagEvaluator;
import dev.seestack.internal.http.HttpMonitor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The parts of a client made on first use: its HTTP client (shared by ingest and flags), its HTTP monitoring (so
 * its projectId warning appears only if used) and its feature-flag evaluator. Split out of {@link ClientCore}.
 */
final class LazyServices {
    private final ClientCore core;
    private final SeeStackConfig config;
    private final BooleanSupplier closed;
    private final ClientComponents components;
    private final AtomicReference<HttpMonitor> httpMonitor = new AtomicReference<>();
    private final AtomicReference<FlagEvaluator> flagEvaluator = new AtomicReference<>();
    private HttpStack httpStack;

    /** {@code closed} tells whether the client was closed: an HTTP client made after that is closed at once. */
    LazyServices(ClientCore core, SeeStackConfig config, BooleanSupplier closed, ClientComponents components) {
        this.core = core;
        this.components = components;
        this.config = config;
        this.closed = closed;
    }

    HttpMonitor httpMonitor() {
        return once(httpMonitor, () -> new HttpMonitor(core));
    }

    FlagEvaluator flags() {
        return once(flagEvaluator, () -> FlagEvaluator.create(core, components.inMemoryFlags(config)));
    }

    /** The value of {@code holder}, made by {@code make} on the first call (once, under this object's lock). */
    private <T> T once(AtomicReference<T> holder, Supplier<T> make) {
        T value = holder.get();
        if (value == null) {
            synchronized (this) {
                value = holder.get();
                if (value == null) {
                    value = make.get();
                    holder.set(value);
                }
            }
        }
        return value;
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
