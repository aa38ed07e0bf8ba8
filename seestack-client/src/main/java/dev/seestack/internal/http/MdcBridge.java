package dev.seestack.internal.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Reaches {@code org.slf4j.MDC} reflectively so the core needs no SLF4J dependency; every method is a
 * silent no-op when SLF4J is not on the classpath.
 */
public final class MdcBridge {
    private static final MethodHandle GET;
    private static final MethodHandle PUT;
    private static final MethodHandle REMOVE;
    private static final MethodHandle COPY;
    private static final MethodHandle REPLACE;
    private static final MethodHandle CLEAR;

    static {
        MethodHandle get = null;
        MethodHandle put = null;
        MethodHandle remove = null;
        MethodHandle copy = null;
        MethodHandle replace = null;
        MethodHandle clear = null;
        Class<?> mdc = load();
        if (mdc != null) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                get = lookup.findStatic(mdc, "get", MethodType.methodType(String.class, String.class));
                put = lookup.findStatic(mdc, "put", MethodType.methodType(void.class, String.class, String.class));
                remove = lookup.findStatic(mdc, "remove", MethodType.methodType(void.class, String.class));
                copy = lookup.findStatic(mdc, "getCopyOfContextMap", MethodType.methodType(Map.class));
                replace = lookup.findStatic(mdc, "setContextMap", MethodType.methodType(void.class, Map.class));
                clear = lookup.findStatic(mdc, "clear", MethodType.methodType(void.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                copy = null;
                replace = null;
                clear = null;
                get = null;
                put = null;
                remove = null;
            }
        }
        GET = get;
        PUT = put;
        REMOVE = remove;
        COPY = copy;
        REPLACE = replace;
        CLEAR = clear;
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

    /** A copy of the current thread's whole MDC, or null when it is empty or SLF4J is absent. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> copy() {
        if (COPY == null) {
            return null;
        }
        try {
            Map<String, String> map = (Map<String, String>) COPY.invokeExact();
            return map == null || map.isEmpty() ? null : map;
        } catch (Throwable t) {
            return null;
        }
    }

    /** Replaces the current thread's whole MDC with {@code map} (a {@link #copy()}), clearing it when null. */
    public static void replace(Map<String, String> map) {
        if (CLEAR == null) {
            return;
        }
        try {
            if (map == null) {
                CLEAR.invokeExact();
            } else {
                REPLACE.invokeExact(map);
            }
        } catch (Throwable t) {
            // an MDC adapter failing must never break the task
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
