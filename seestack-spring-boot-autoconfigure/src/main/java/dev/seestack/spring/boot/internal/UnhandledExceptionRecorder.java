package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Captures a controller's exception that no other resolver handled (it runs last), while the request's filters
 * are still active, so the error carries the request's trace id and user; then lets Spring's error handling go
 * on (returns null). The container logs the same exception later, wrapped: that log is not sent twice. Its
 * service is the request's ({@code SeeStackContext}), else the client's.
 */
final class UnhandledExceptionRecorder implements HandlerExceptionResolver, Ordered {
    private final SeeStackClient client;

    UnhandledExceptionRecorder(SeeStackClient client) {
        this.client = client;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        client.captureError(ex);
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
