package dev.seestack.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.diag.DiagnosticSink;
import dev.seestack.internal.logging.PendingEvents;
import java.util.function.Supplier;

/**
 * The process-wide client behind the {@code SeeStack} facade. A client started in code ({@code SeeStack.init})
 * wins; a client that a logging appender started from its configuration has the lowest priority, is shared by
 * every appender (reference counted) and is replaced, closed cleanly, by a later explicit init.
 */
public final class ClientRegistry {
    private static final Object LOCK = new Object();
    private static volatile SeeStackClient current;
    private static boolean explicit;
    private static int adapterLeases;

    private ClientRegistry() {
    }

    /** The current client, or null before init. */
    public static SeeStackClient current() {
        return current;
    }

    /**
     * Installs a client started in code. A second explicit init is ignored with a warning and returns the
     * existing client; an appender-started client is replaced and closed.
     */
    public static SeeStackClient initExplicit(SeeStackConfig config) {
        return initExplicit(config, ClientComponents.defaults());
    }

    /** {@link #initExplicit(SeeStackConfig)} with replaced components (benchmarks, tests). */
    public static SeeStackClient initExplicit(SeeStackConfig config, ClientComponents components) {
        SeeStackClient replaced;
        SeeStackClient created;
        synchronized (LOCK) {
            if (current != null && explicit) {
                ClientAccess.core(current).diagnostics().warn("SeeStack SDK: init called again; ignored (already initialised)");
                return current;
            }
            created = ClientAccess.create(config, components);
            replaced = current;
            current = created;
            explicit = true;
        }
        if (replaced != null) {
            replaced.close();
        }
        PendingEvents.replay();
        return created;
    }

    /**
     * Installs a client that a framework integration created and owns (the Spring Boot starter): the facade and
     * every appender send through it from now on, events kept for it are replayed, and an appender-started client
     * is replaced and closed. The owner calls {@link #uninstall} before closing it.
     */
    public static void installOwned(SeeStackClient client) {
        SeeStackClient replaced;
        synchronized (LOCK) {
            replaced = current != null && current != client && !explicit ? current : null;
            current = client;
            explicit = true;
            adapterLeases = 0;
        }
        if (replaced != null) {
            replaced.close();
        }
        PendingEvents.replay();
    }

    /** Removes {@code client} from the facade if it is still the current one; the caller closes it. */
    public static void uninstall(SeeStackClient client) {
        synchronized (LOCK) {
            if (current == client) {
                current = null;
                explicit = false;
                adapterLeases = 0;
            }
        }
    }

    /**
     * Used by an appender at start: shares the existing client, or starts one from the appender's options.
     * Every lease must be released at the appender's stop. {@code config} is only evaluated when a client must
     * be started, and may throw {@link IllegalArgumentException} for invalid options.
     */
    public static Lease acquireForAdapter(Supplier<SeeStackConfig> config, DiagnosticSink sink) {
        synchronized (LOCK) {
            if (current == null) {
                current = ClientAccess.create(config.get(), ClientComponents.defaults().diagnosticSink(sink));
                explicit = false;
                adapterLeases = 0;
            }
            if (!explicit) {
                adapterLeases++;
                return new Lease(current, true);
            }
            return new Lease(current, false);
        }
    }

    /** Closes and removes the current client (the facade's {@code close}). */
    public static void closeCurrent() {
        SeeStackClient closing;
        synchronized (LOCK) {
            closing = current;
            current = null;
            explicit = false;
            adapterLeases = 0;
        }
        if (closing != null) {
            closing.close();
        }
    }

    private static boolean release(Lease lease) {
        SeeStackClient closing = null;
        synchronized (LOCK) {
            if (!lease.counted || current != lease.client || explicit) {
                return false;
            }
            if (--adapterLeases <= 0) {
                closing = current;
                current = null;
                adapterLeases = 0;
            }
        }
        if (closing != null) {
            closing.close();
            return true;
        }
        return false;
    }

    /** An appender's hold on the process-wide client; release it exactly once when the appender stops. */
    public static final class Lease {
        private final SeeStackClient client;
        private final boolean counted;
        private boolean released;

        private Lease(SeeStackClient client, boolean counted) {
            this.client = client;
            this.counted = counted;
        }

        /** The client current at acquisition (appenders should prefer {@link ClientRegistry#current()}). */
        public SeeStackClient client() {
            return client;
        }

        /**
         * Drops this hold; closes the appender-started client when it was the last one. Idempotent. Returns whether
         * this call closed the client (which then drained its buffers within the close deadline).
         */
        public boolean release() {
            synchronized (this) {
                if (released) {
                    return false;
                }
                released = true;
            }
            return ClientRegistry.release(this);
        }
    }
}
