package dev.seestack.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.delivery.ExecutorScheduler;
import dev.seestack.internal.transport.HttpEngine;
import dev.seestack.internal.transport.NettyTransport;
import dev.seestack.internal.delivery.RetryPolicy;
import dev.seestack.internal.delivery.Scheduler;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.diag.DiagnosticSink;
import dev.seestack.internal.flags.FlagLookup;
import dev.seestack.internal.spi.ClientOverride;
import dev.seestack.internal.spi.ClientOverrides;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The replaceable parts of a client (transport, scheduler, retry policy, diagnostics sink, sender count).
 * Production code uses {@link #defaults()}; tests and adapters override single parts.
 */
public final class ClientComponents {
    /**
     * Sender threads per client: one on 1–2 CPUs, else two. They only encode and hand requests over (how many are
     * in flight is the pipeline's window; answers send the next request themselves), so one keeps up with any
     * latency; on two cores a second one competed with the application's own threads and doubled the caller's
     * cost per logging call (BENCHMARKS.md, "Caller cost").
     */
    public static final int DEFAULT_SENDER_THREADS = Runtime.getRuntime().availableProcessors() <= 2 ? 1 : 2;

    /** Null: the default, a {@link NettyTransport} over the client's shared {@link HttpEngine}. */
    private Function<SeeStackConfig, Transport> transportFactory;
    /** Null: flags from the management API; else an in-memory lookup (test override). */
    private Function<SeeStackConfig, FlagLookup> flagLookupFactory;
    private java.util.function.Supplier<Scheduler> schedulerFactory = ExecutorScheduler::new;
    private RetryPolicy retryPolicy = RetryPolicy.standard();
    private DiagnosticSink sink = DiagnosticSink.STDERR;
    private int senderThreads = DEFAULT_SENDER_THREADS;
    private boolean shutdownHook = true;

    private ClientComponents() {
    }

    /**
     * The production components; where a {@link ClientOverride} is on the class path (the {@code seestack-test}
     * jar), its in-memory transport and flag lookup instead of the network.
     */
    public static ClientComponents defaults() {
        ClientComponents components = new ClientComponents();
        ClientOverride override = ClientOverrides.installed();
        if (override != null) {
            components.transportFactory = override::transport;
            components.flagLookupFactory = override::flagLookup;
        }
        return components;
    }

    public ClientComponents transport(Function<SeeStackConfig, Transport> factory) {
        this.transportFactory = factory;
        return this;
    }

    public ClientComponents scheduler(java.util.function.Supplier<Scheduler> factory) {
        this.schedulerFactory = factory;
        return this;
    }

    public ClientComponents retryPolicy(RetryPolicy policy) {
        this.retryPolicy = policy;
        return this;
    }

    /** Where warnings go (the logging framework's status channel in adapters). */
    public ClientComponents diagnosticSink(DiagnosticSink sink) {
        this.sink = sink;
        return this;
    }

    public ClientComponents senderThreads(int senderThreads) {
        this.senderThreads = Math.max(1, senderThreads);
        return this;
    }

    /** Whether the client registers a JVM shutdown hook that drains it (default true). */
    public ClientComponents shutdownHook(boolean enabled) {
        this.shutdownHook = enabled;
        return this;
    }

    Transport transport(SeeStackConfig config, Supplier<HttpEngine> engine) {
        return transportFactory != null ? transportFactory.apply(config)
                : new NettyTransport(config.host(), config.apiKey(), engine.get());
    }

    /** The in-memory flag lookup of a test override, or null. */
    FlagLookup inMemoryFlags(SeeStackConfig config) {
        return flagLookupFactory == null ? null : flagLookupFactory.apply(config);
    }

    Scheduler scheduler() {
        return schedulerFactory.get();
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    DiagnosticSink sink() {
        return sink;
    }

    int senderThreads() {
        return senderThreads;
    }

    boolean shutdownHook() {
        return shutdownHook;
    }
}
