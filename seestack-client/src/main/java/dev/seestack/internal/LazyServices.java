package dev.seestack.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.transport.HttpEngine;
import dev.seestack.internal.flags.FlagEvaluator;
import dev.seestack.internal.http.HttpMonitor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The parts of a client made on first use: its HTTP engine (shared by ingest, spool and flags), its HTTP monitoring (so
 * its projectId warning appears only if used) and its feature-flag evaluator, each given only what it uses.
 */
final class LazyServices {
    private final ClientCore core;
    private final SeeStackConfig config;
    private final BooleanSupplier closed;
    private final ClientComponents components;
    private final AtomicReference<HttpMonitor> httpMonitor = new AtomicReference<>();
    private final AtomicReference<FlagEvaluator> flagEvaluator = new AtomicReference<>();
    private HttpEngine httpEngine;
    /** The clock the engine judges idle connections on: the client's scheduler's. */
    private LongSupplier engineClock = System::nanoTime;

    /** {@code closed} tells whether the client was closed: an HTTP client made after that is closed at once. */
    LazyServices(ClientCore core, SeeStackConfig config, BooleanSupplier closed, ClientComponents components) {
        this.core = core;
        this.components = components;
        this.config = config;
        this.closed = closed;
    }

    HttpMonitor httpMonitor() {
        return once(httpMonitor, () -> {
            EventCapture capture = core.capture();
            return new HttpMonitor(capture, config, capture.breadcrumbs(), capture::captureEscapedError);
        });
    }

    FlagEvaluator flags() {
        return once(flagEvaluator, () -> FlagEvaluator.create(config, core.diagnostics(), this::httpEngine,
                components.inMemoryFlags(config)));
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

    /** Sets the clock the HTTP engine is made with (before its first use). */
    synchronized void engineClock(LongSupplier clock) {
        this.engineClock = clock;
    }

    synchronized HttpEngine httpEngine() {
        if (httpEngine == null) {
            httpEngine = HttpEngine.forConfig(config, engineClock);
            if (closed.getAsBoolean()) {
                httpEngine.close();
            }
        }
        return httpEngine;
    }

    /** Closes the HTTP engine if one was made; its failure is swallowed (reported to {@code failure}). */
    void closeHttpEngine(Consumer<RuntimeException> failure) {
        HttpEngine engine;
        synchronized (this) {
            engine = httpEngine;
        }
        if (engine != null) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                failure.accept(e);
            }
        }
    }
}
