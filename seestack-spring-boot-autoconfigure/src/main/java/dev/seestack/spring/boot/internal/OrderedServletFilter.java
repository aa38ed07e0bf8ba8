package dev.seestack.spring.boot.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;

/**
 * A servlet filter bean with an order. Boot registers {@code Filter} beans by itself and sorts them by their
 * order, which works the same on Boot 3 and 4 (no registration-bean API needed).
 */
final class OrderedServletFilter implements Filter, Ordered {
    private final Filter delegate;
    private final int order;

    OrderedServletFilter(Filter delegate, int order) {
        this.delegate = delegate;
        this.order = order;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        delegate.doFilter(request, response, chain);
    }

    @Override
    public int getOrder() {
        return order;
    }
}
