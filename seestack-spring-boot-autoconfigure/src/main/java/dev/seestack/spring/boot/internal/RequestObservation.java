package dev.seestack.spring.boot.internal;

import io.micrometer.observation.Observation;
import java.util.function.Supplier;
import reactor.util.context.ContextView;

/**
 * The WebFlux request's Micrometer observation, which Spring keeps in the Reactor context, not on a thread: opening
 * its scope around the filter's start makes a tracer's span current there (Micrometer Tracing puts its ids in the
 * MDC), so the SDK adopts the tracer's trace id instead of taking a header's or generating one.
 */
final class RequestObservation {
    /** The request observation's key in the Reactor context ({@code ObservationThreadLocalAccessor.KEY}). */
    static final String CONTEXT_KEY = "micrometer.observation";

    private RequestObservation() {
    }

    /** Runs {@code work} inside the scope of the observation in {@code context}, if there is one, else just runs it. */
    static <T> T inScope(ContextView context, Supplier<T> work) {
        Object current = context.getOrDefault(CONTEXT_KEY, null);
        if (!(current instanceof Observation) || ((Observation) current).isNoop()) {
            return work.get();
        }
        Observation.Scope scope;
        try {
            scope = ((Observation) current).openScope();
        } catch (RuntimeException | LinkageError e) {
            return work.get();
        }
        try {
            return work.get();
        } finally {
            closeQuietly(scope);
        }
    }

    /** A handler failing to close its scope must not fail the request: the filter never breaks one. */
    private static void closeQuietly(Observation.Scope scope) {
        try {
            scope.close();
        } catch (RuntimeException | LinkageError e) {
            // the tracer's own problem; the request goes on
        }
    }
}
