package dev.seestack.internal.logging;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientCore;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.diag.DiagnosticSink;

/**
 * An adapter's connection to the SDK between its start and stop: shares the process-wide client (or starts
 * one from the adapter's options), routes events, and on stop flushes within 5 s and releases its hold.
 */
public final class AdapterSession {
    private final ClientRegistry.Lease lease;
    private final LogEventRouter router;

    private AdapterSession(ClientRegistry.Lease lease, LogEventRouter router) {
        this.lease = lease;
        this.router = router;
    }

    /**
     * Opens a session.
     *
     * @throws IllegalArgumentException with a message for the framework's status channel when the options are
     *     invalid and no client is running yet
     */
    public static AdapterSession open(AdapterOptions options, DiagnosticSink sink) {
        ClientRegistry.Lease lease = ClientRegistry.acquireForAdapter(options::toConfig, sink);
        return new AdapterSession(lease, new LogEventRouter(options));
    }

    /**
     * Opens a session without a backend of its own: it sends through whichever client is installed in the
     * process ({@code SeeStack.init}, the Spring Boot starter) and keeps events in {@link PendingEvents} until
     * one is.
     */
    public static AdapterSession joinShared(AdapterOptions options) {
        return new AdapterSession(null, new LogEventRouter(options).keepEventsUntilClient());
    }

    public LogEventRouter router() {
        return router;
    }

    /**
     * Releases the hold on the client and sends what is buffered within 5 s in all: the last hold closes the
     * client, which drains within its deadline; otherwise the client lives on and is flushed (5 s deadline).
     * Works on an interrupted thread too (Logback's {@code AsyncAppender} worker stops its appenders after being
     * interrupted): the flag is cleared for the flush and restored afterwards.
     */
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            // flushing before a release that closes would wait twice (flush, then close's drain) during an outage
            if (lease == null || !lease.release()) {
                SeeStackClient current = ClientRegistry.current();
                if (current != null) {
                    current.flush(ClientCore.CLOSE_DEADLINE);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
