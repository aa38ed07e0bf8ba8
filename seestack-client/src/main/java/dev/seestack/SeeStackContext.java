package dev.seestack;

/**
 * The current thread's request context ({@code traceId}, {@code service}, {@code userId}), read by every
 * adapter when the logging framework's MDC does not carry these keys. The HTTP helpers set it for the
 * duration of a request; applications without an MDC (plain {@code java.util.logging}) set it themselves:
 *
 * <pre>{@code
 * try (SeeStackContext.Scope scope = SeeStackContext.with("trace-1", "checkout", "user-42")) {
 *     julLogger.info("placing order");   // carries traceId, service and userId
 * }
 * }</pre>
 */
public final class SeeStackContext {
    private static final ThreadLocal<SeeStackContext> CURRENT = new ThreadLocal<>();
    private static final SeeStackContext EMPTY = new SeeStackContext(null, null, null);

    private final String traceId;
    private final String service;
    private final String userId;

    private SeeStackContext(String traceId, String service, String userId) {
        this.traceId = traceId;
        this.service = service;
        this.userId = userId;
    }

    /** The current thread's context; never null (fields may be). */
    public static SeeStackContext current() {
        SeeStackContext c = CURRENT.get();
        return c == null ? EMPTY : c;
    }

    /**
     * Sets the current thread's context until the returned scope is closed, which restores the previous one.
     * Null arguments keep the value of the enclosing context.
     */
    public static Scope with(String traceId, String service, String userId) {
        SeeStackContext previous = CURRENT.get();
        SeeStackContext base = previous == null ? EMPTY : previous;
        CURRENT.set(new SeeStackContext(
                traceId != null ? traceId : base.traceId,
                service != null ? service : base.service,
                userId != null ? userId : base.userId));
        return new Scope(previous);
    }

    /** Sets only the user id of the current thread's context; see {@link #with}. */
    public static Scope withUserId(String userId) {
        return with(null, null, userId);
    }

    /** Removes the current thread's context. */
    public static void clear() {
        CURRENT.remove();
    }

    public String traceId() {
        return traceId;
    }

    public String service() {
        return service;
    }

    public String userId() {
        return userId;
    }

    /** Restores the previous context when closed. */
    public static final class Scope implements AutoCloseable {
        private final SeeStackContext previous;
        private boolean closed;

        private Scope(SeeStackContext previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
