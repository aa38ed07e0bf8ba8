package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackContext;
import dev.seestack.internal.http.InboundExchange;
import dev.seestack.internal.http.MdcBridge;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;

/**
 * Takes the request's user from its authenticated {@link Principal} (Spring Security's, or the container's) and
 * makes it the request's user: MDC {@code userId} and {@code SeeStackContext} for the rest of the chain (so
 * logs and errors carry it), and the user of the request's HTTP item even if the application clears the MDC.
 * Runs right after Spring Security's filter chain.
 */
final class PrincipalUserFilter implements Filter {
    /** Spring Security's filter chain runs at order -100 (SecurityProperties.DEFAULT_FILTER_ORDER). */
    static final int ORDER = -100 + 1;
    private static final String USER_ID_MDC_KEY = "userId";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String userId = userOf(request);
        if (userId == null) {
            chain.doFilter(request, response);
            return;
        }
        InboundExchange.identifyUser(userId);
        String previous = MdcBridge.get(USER_ID_MDC_KEY);
        MdcBridge.set(USER_ID_MDC_KEY, userId);
        try (SeeStackContext.Scope scope = SeeStackContext.withUserId(userId)) {
            chain.doFilter(request, response);
        } finally {
            MdcBridge.set(USER_ID_MDC_KEY, previous);
        }
    }

    private static String userOf(ServletRequest request) {
        try {
            if (!(request instanceof HttpServletRequest)) {
                return null;
            }
            Principal principal = ((HttpServletRequest) request).getUserPrincipal();
            String name = principal == null ? null : principal.getName();
            return name == null || name.isBlank() ? null : name;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
