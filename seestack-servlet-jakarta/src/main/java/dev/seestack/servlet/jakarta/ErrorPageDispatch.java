package dev.seestack.servlet.jakarta;

import dev.seestack.internal.http.InboundExchange;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A request whose recording waits for the container's error page: kept in a request attribute from the end of
 * the REQUEST dispatch until the ERROR dispatch rendered the page, or until {@link SeeStackRequestListener} sees
 * the request destroyed without one. Where the container renders its error page after that (Jetty 12), the
 * container's completion of the response ends the wait instead. The error page's bytes add to the request's count.
 */
final class ErrorPageDispatch {
    private static final String ATTRIBUTE = ErrorPageDispatch.class.getName();

    private final ServedServletRequest served;
    private final InboundExchange exchange;
    /** Whether the container's completion records the request, so the end of the listener's cycle does not. */
    private volatile boolean containerCompletes;

    private ErrorPageDispatch(ServedServletRequest served, InboundExchange exchange) {
        this.served = served;
        this.exchange = exchange;
    }

    /**
     * Defers the recording of a REQUEST dispatch that ends in an error (an escaped {@code failure} or an error
     * status sent) when the listener will complete it; false (record now) otherwise, and for async requests.
     */
    static boolean deferTo(ServletRequest request, ServedServletRequest served, InboundExchange exchange,
            Throwable failure) {
        try {
            if (!SeeStackRequestListener.watches(request) || failure == null && !served.errorSent()
                    || request.isAsyncStarted()) {
                return false;
            }
            ErrorPageDispatch pending = new ErrorPageDispatch(served, exchange);
            request.setAttribute(ATTRIBUTE, pending);
            pending.containerCompletes = ContainerCompletion.whenComplete(request, exchange::completeDeferred);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
        exchange.defer(served, failure);
        return true;
    }

    /** The deferred recording of {@code request}, or null. */
    static ErrorPageDispatch of(ServletRequest request) {
        try {
            Object pending = request.getAttribute(ATTRIBUTE);
            return pending instanceof ErrorPageDispatch ? (ErrorPageDispatch) pending : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Records a deferred request still waiting when the listener sees it destroyed (no error page was rendered),
     * unless the container renders its page later and completes the recording itself.
     */
    static void completeAtRequestEnd(ServletRequest request) {
        ErrorPageDispatch pending = of(request);
        if (pending != null && !pending.containerCompletes) {
            completeIfPending(request);
        }
    }

    private static void completeIfPending(ServletRequest request) {
        ErrorPageDispatch pending = of(request);
        if (pending != null) {
            request.removeAttribute(ATTRIBUTE);
            pending.exchange.completeDeferred();
        }
    }

    /** Runs the ERROR dispatch counting the page's bytes, then records the request with its final status. */
    void render(ServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, served.chainResponse().errorPageResponse(response));
        } finally {
            completeIfPending(request);
        }
    }
}
