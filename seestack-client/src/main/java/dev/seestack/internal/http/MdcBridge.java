package dev.seestack.internal.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reaches {@code org.slf4j.MDC} reflectively so the core needs no SLF4J dependency; every method is a
 * silent no-op when SLF4J is not on the classpath.
 */
public final class MdcBridge {
    private static final MethodHandle GET;
    private static final MethodHandle PUT;
    private static final MethodHandle REMOVE;

    static {
        MethodHandle get = null;
        MethodHandle put = null;
        MethodHandle remove = null;
        Class<?> mdc = load();
        if (mdc != null) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                get = lookup.findStatic(mdc, "get", MethodType.methodType(String.class, String.class));
                put = lookup.findStatic(mdc, "put", MethodType.methodType(void.class, String.class, String.class));
                remove = lookup.findStatic(mdc, "remove", MethodType.methodType(void.class, String.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                get = null;
                put = null;
                remove = null;
            }
        }
        GET = get;
        PUT = put;
        REMOVE = remove;
    }

    private MdcBridge() {
    }

    /** The MDC value of {@code key}, or null (also when SLF4J is absent or fails). */
    public static String get(String key) {
        if (GET == null) {
            return null;
        }
        try {
            return (String) GET.invokeExact(key);
        } catch (Throwable t) {
            return null;
        }
    }

    /** Sets {@code key} to {@code value}, or removes it when {@code value} is null. */
    public static void set(String key, String value) {
        if (PUT == null) {
            return;
        }
        try {
            if (value == null) {
                REMOVE.invokeExact(key);
            } else {
                PUT.invokeExact(key, value);
            }
        } catch (Throwable t) {
            // an MDC adapter failing must never break the request
        }
    }

    private static Class<?> load() {
        for (ClassLoader loader : new ClassLoader[] {MdcBridge.class.getClassLoader(),
            Thread.currentThread().getContextClassLoader()}) {
            try {
                return Class.forName("org.slf4j.MDC", false, loader);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // try the next loader
            }
        }
        return null;
    }
}
