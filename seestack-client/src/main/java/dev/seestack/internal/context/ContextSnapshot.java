package dev.seestack.internal.context;

import dev.seestack.SeeStackContext;
import dev.seestack.internal.http.MdcBridge;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The request context of the thread that submits work ({@link SeeStackContext} and a copy of the SLF4J MDC, which
 * holds a tracer's {@code traceId}/{@code spanId} and the {@code userId}), re-established on the thread that runs
 * it and restored there afterwards, so logs written by the task carry the submitting request's trace id and user.
 */
public final class ContextSnapshot {
    private final SeeStackContext context;
    private final Map<String, String> mdc;

    private ContextSnapshot(SeeStackContext context, Map<String, String> mdc) {
        this.context = context;
        this.mdc = mdc;
    }

    /** The current thread's context. */
    public static ContextSnapshot capture() {
        return new ContextSnapshot(SeeStackContext.current(), MdcBridge.copy());
    }

    /** {@code task} running inside this snapshot. */
    public Runnable wrap(Runnable task) {
        return () -> {
            Map<String, String> previousMdc = MdcBridge.copy();
            MdcBridge.replace(mdc);
            try (SeeStackContext.Scope scope = SeeStackContext.with(context.traceId(), context.service(),
                    context.userId())) {
                task.run();
            } finally {
                MdcBridge.replace(previousMdc);
            }
        };
    }

    /** {@code task} running inside this snapshot. */
    public <T> Callable<T> wrap(Callable<T> task) {
        return () -> {
            Map<String, String> previousMdc = MdcBridge.copy();
            MdcBridge.replace(mdc);
            try (SeeStackContext.Scope scope = SeeStackContext.with(context.traceId(), context.service(),
                    context.userId())) {
                return task.call();
            } finally {
                MdcBridge.replace(previousMdc);
            }
        };
    }
}
