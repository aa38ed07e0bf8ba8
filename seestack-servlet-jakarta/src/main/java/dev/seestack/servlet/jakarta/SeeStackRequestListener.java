package dev.seestack.servlet.jakarta;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Register beside {@link SeeStackServletFilter} (mapped to REQUEST and ERROR dispatches) so a request that ends in
 * the container's error page is recorded with the page's final status, bytes and duration, and the container's own
 * log line of an unhandled exception carries the request's trace id (Tomcat renders the error page within the
 * request's cycle; Jetty 12 after it, so there the recording waits for the page or for Jetty's completion of the
 * response). Without it the filter records when its chain returns. The Spring Boot starter registers both.
 */
public final class SeeStackRequestListener implements ServletRequestListener {
    private static final String WATCHED = SeeStackRequestListener.class.getName();

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        try {
            event.getServletRequest().setAttribute(WATCHED, Boolean.TRUE);
        } catch (RuntimeException e) {
            // a request the listener cannot mark is recorded by the filter alone
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        try {
            ErrorPageDispatch.completeAtRequestEnd(event.getServletRequest());
        } catch (RuntimeException | LinkageError e) {
            // never fail the container's request cycle
        }
    }

    /** Whether the listener marked {@code request}, so it will complete a deferred recording. */
    static boolean watches(ServletRequest request) {
        return request.getAttribute(WATCHED) != null;
    }
}
