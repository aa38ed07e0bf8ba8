package dev.seestack.jul;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * The SLF4J MDC, read reflectively so that the handler has no dependency on SLF4J: when {@code org.slf4j.MDC}
 * is visible to the handler's class loader, {@link #copy()} returns its entries for the current thread
 * (applications that log through SLF4J into JUL, or mix both); otherwise it returns null.
 */
final class Slf4jMdc {
    private static final MethodHandle GET_COPY_OF_CONTEXT_MAP = find();

    private Slf4jMdc() {
    }

    /** Whether SLF4J's MDC was found. */
    static boolean isPresent() {
        return GET_COPY_OF_CONTEXT_MAP != null;
    }

    /** The current thread's MDC entries, or null when SLF4J is absent or its MDC fails. */
    @SuppressWarnings("unchecked")
    static Map<String, String> copy() {
        if (GET_COPY_OF_CONTEXT_MAP == null) {
            return null;
        }
        try {
            return (Map<String, String>) GET_COPY_OF_CONTEXT_MAP.invokeExact();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return null; // a broken MDC adapter must not cost the application its log call
        }
    }

    private static MethodHandle find() {
        try {
            // initialize=false: SLF4J starts (and picks its provider) on the first MDC read, not when JUL loads us
            Class<?> mdc = Class.forName("org.slf4j.MDC", false, Slf4jMdc.class.getClassLoader());
            return MethodHandles.publicLookup()
                    .findStatic(mdc, "getCopyOfContextMap", MethodType.methodType(Map.class));
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return null;
        }
    }
}
