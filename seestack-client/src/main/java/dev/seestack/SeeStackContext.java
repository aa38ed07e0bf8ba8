package dev.seestack;

import dev.seestack.internal.context.ContextSnapshot;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

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
 *
 * <p>Work handed to another thread carries the context of the thread that created it when wrapped with
 * {@link #wrap(Runnable)}, {@link #wrap(Callable)} or {@link #wrap(Executor)}.
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

    /**
     * {@code task} running with the current thread's context and SLF4J MDC (trace id, user id, a tracer's
     * entries), captured now and restored on the running thread afterwards.
     */
    public static Runnable wrap(Runnable task) {
        return ContextSnapshot.capture().wrap(task);
    }

    /** {@code task} running with the current thread's context and SLF4J MDC; see {@link #wrap(Runnable)}. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        return ContextSnapshot.capture().wrap(task);
    }

    /**
     * An executor running each task with the context and SLF4J MDC of the thread that submitted it, e.g. for
     * {@code CompletableFuture.supplyAsync(supplier, SeeStackContext.wrap(pool))}.
     */
    public static Executor wrap(Executor executor) {
        return task -> executor.execute(ContextSnapshot.capture().wrap(task));
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
