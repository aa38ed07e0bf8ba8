package dev.seestack.spring.boot.internal;

/**
 * The Reactor context keys the WebFlux filters write the request's trace id and user under, and their MDC
 * counterparts ({@code traceId}, {@code userId}). Where the application propagates the Reactor context to
 * thread-locals (Micrometer context-propagation, e.g. Boot's {@code spring.reactor.context-propagation=auto}),
 * {@link MdcThreadLocalAccessor}s registered for these keys put them into the MDC, so logs written while handling
 * the request carry them; without context-propagation only the Reactor context has them.
 */
final class ReactorMdcAccessors {
    static final String TRACE_ID_KEY = "seestack.traceId";
    static final String USER_ID_KEY = "seestack.userId";

    private ReactorMdcAccessors() {
    }

    /** Registers the MDC accessors with Micrometer's context registry (called only when it is present). */
    static void register() {
        try {
            io.micrometer.context.ContextRegistry registry = io.micrometer.context.ContextRegistry.getInstance();
            registry.registerThreadLocalAccessor(new MdcThreadLocalAccessor(TRACE_ID_KEY, "traceId"));
            registry.registerThreadLocalAccessor(new MdcThreadLocalAccessor(USER_ID_KEY, "userId"));
        } catch (RuntimeException | LinkageError e) {
            StarterWarnings.once("SeeStack SDK: could not register the MDC accessors for"
                    + " Reactor context propagation (" + e + "); WebFlux logs carry no trace id.");
        }
    }
}
