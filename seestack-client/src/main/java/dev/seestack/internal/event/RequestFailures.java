package dev.seestack.internal.event;

import java.lang.ref.ReferenceQueue;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Exceptions that escaped a request through a SeeStack servlet filter and were captured there as that request's
 * error, remembered weakly (by identity, with their causes) with the request's trace id. A container logs such an
 * exception again after the filter has returned and restored the thread's context (Tomcat's {@code
 * Servlet.service() ... threw exception}); {@link #find} lets the logging adapters send that record with the
 * request's trace id and never as a second error.
 *
 * <p>A handler in the container's class loader (Tomcat's {@code conf/logging.properties}) and a webapp bundling its
 * own copy of the SDK do not share this class: {@link #find} also asks the copy that the logging thread's context
 * class loader sees, through {@link #traceIdOf}, whose signature has only JDK types for that reason. That look-up is
 * why the memory is static, one per copy of the SDK, rather than a client's: the handler cannot reach a webapp's
 * client, only its classes.
 */
public final class RequestFailures {
    /** Above this many live entries the memory is cleared rather than grown. */
    private static final int MAX_ENTRIES = 1_000;
    private static final int MAX_CAUSES = 16;
    private static final Map<IdentityWeakReference, String> TRACE_IDS = new HashMap<>();
    private static final ReferenceQueue<Throwable> CLEARED = new ReferenceQueue<>();

    private RequestFailures() {
    }

    /** Records that {@code failure} (and its causes) escaped the request {@code traceId} and was captured there. */
    public static void remember(Throwable failure, String traceId) {
        if (failure == null || traceId == null) {
            return;
        }
        Set<Throwable> chain = Collections.newSetFromMap(new IdentityHashMap<>());
        synchronized (TRACE_IDS) {
            expunge();
            if (TRACE_IDS.size() >= MAX_ENTRIES) {
                TRACE_IDS.clear();
            }
            for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES && chain.add(t); t = t.getCause()) {
                TRACE_IDS.put(new IdentityWeakReference(t, CLEARED), traceId);
            }
        }
    }

    /**
     * The trace id of the request that {@code throwable} escaped, as remembered by this copy of the SDK, or null.
     * Called reflectively by other copies of the SDK: keep its name and signature.
     */
    public static String traceIdOf(Throwable throwable) {
        if (throwable == null) {
            return null;
        }
        synchronized (TRACE_IDS) {
            expunge();
            return TRACE_IDS.get(new IdentityWeakReference(throwable, null));
        }
    }

    /**
     * The trace id of the request that {@code throwable} escaped, as remembered by this copy of the SDK or else by
     * the copy the current thread's context class loader loads (a webapp's own); null when neither knows it.
     */
    public static String find(Throwable throwable) {
        String traceId = traceIdOf(throwable);
        return traceId != null || throwable == null ? traceId : askContextCopy(throwable);
    }

    // Only for records carrying a throwable (rare), so the reflective look-up is not cached; a cache keyed by the
    // class loader would have to hold the webapp's class, and with it its class loader, after an undeploy.
    private static String askContextCopy(Throwable throwable) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == RequestFailures.class.getClassLoader()) {
            return null;
        }
        try {
            Class<?> copy = Class.forName(RequestFailures.class.getName(), false, context);
            if (copy == RequestFailures.class) {
                return null;
            }
            Method traceIdOf = copy.getMethod("traceIdOf", Throwable.class);
            Object traceId = traceIdOf.invoke(null, throwable);
            return traceId instanceof String ? (String) traceId : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // no SDK in that class loader, or one that is being undeployed
        }
    }

    private static void expunge() {
        Object ref;
        while ((ref = CLEARED.poll()) != null) {
            TRACE_IDS.remove(ref);
        }
    }
}
