package dev.seestack.servlet.jakarta;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Consumer;

/**
 * The container's own end of a request, where a filter can reach one: Jetty 12's core
 * {@code Request.addCompletionListener}, called once the response was sent, also after an error page Jetty renders
 * once the request's listener cycle has ended (ee10/ee11, whose {@code ServletApiRequest.getRequest()} is the core
 * request). Looked up reflectively because this module compiles for Java 11 against any container; elsewhere
 * (Tomcat, Jetty's ee8) there is none.
 */
final class ContainerCompletion {
    private static final String JETTY_CORE_REQUEST = "org.eclipse.jetty.server.Request";
    private static final ClassValue<ContainerCompletion> BY_REQUEST_CLASS = new ClassValue<ContainerCompletion>() {
        @Override
        protected ContainerCompletion computeValue(Class<?> type) {
            return lookUp(type);
        }
    };
    private static final ContainerCompletion NONE = new ContainerCompletion(null, null);

    private final Method coreRequest;
    private final Method addCompletionListener;

    private ContainerCompletion(Method coreRequest, Method addCompletionListener) {
        this.coreRequest = coreRequest;
        this.addCompletionListener = addCompletionListener;
    }

    /**
     * Runs {@code action} once the container completed {@code request}'s response; false (nothing registered) when
     * the container offers no such hook.
     */
    static boolean whenComplete(ServletRequest request, Runnable action) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper) {
            unwrapped = ((ServletRequestWrapper) unwrapped).getRequest();
        }
        try {
            ContainerCompletion completion = BY_REQUEST_CLASS.get(unwrapped.getClass());
            if (completion.addCompletionListener == null) {
                return false;
            }
            Consumer<Throwable> listener = failure -> action.run();
            completion.addCompletionListener.invoke(null, completion.coreRequest.invoke(unwrapped), listener);
            return true;
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static ContainerCompletion lookUp(Class<?> requestClass) {
        try {
            Class<?> core = Class.forName(JETTY_CORE_REQUEST, false, requestClass.getClassLoader());
            Method add = core.getMethod("addCompletionListener", core, Consumer.class);
            Method coreRequest = requestClass.getMethod("getRequest"); // ee10/ee11's ServletApiRequest
            if (core.isAssignableFrom(coreRequest.getReturnType()) && Modifier.isStatic(add.getModifiers())) {
                return new ContainerCompletion(coreRequest, add);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // not a Jetty 12 ee10/ee11 request
        }
        return NONE;
    }
}
