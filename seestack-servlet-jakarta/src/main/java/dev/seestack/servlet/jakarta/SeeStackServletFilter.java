package dev.seestack.servlet.jakarta;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.http.InboundExchange;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Servlet filter recording every request the application serves (method, host, path without
 * query, status, duration, body sizes, user id; never headers). It takes the trace id from
 * {@code traceparent} or {@code X-Request-ID} (else generates one) and puts it in the SLF4J MDC key
 * {@code traceId} and in {@code SeeStackContext} for the request, so logs written while handling it carry it.
 * It never breaks a request: a request that throws is recorded as 500, its exception is captured once as an
 * error carrying the request's trace id and user (not again when the application already logged it), and the
 * exception propagates unchanged.
 *
 * <p>Mapped to ERROR dispatches too, with {@link SeeStackRequestListener} registered, a request that ends in the
 * container's error page is recorded once that page is rendered: final status, bytes sent, full duration.
 *
 * <p>{@code seestack-servlet-jakarta} has it for the Jakarta namespace (Servlet 5.0+);
 * {@code seestack-servlet-javax} builds the same source for {@code javax.servlet} (Servlet 3.1/4.0).
 */
public final class SeeStackServletFilter implements Filter {
    private final Supplier<SeeStackClient> client;

    /** Records to the process-wide client ({@code SeeStack.init}); passes requests through until one exists. */
    public SeeStackServletFilter() {
        this(ClientRegistry::current);
    }

    /** Records to {@code client}. */
    public SeeStackServletFilter(SeeStackClient client) {
        this(() -> client);
    }

    private SeeStackServletFilter(Supplier<SeeStackClient> client) {
        this.client = client;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // only the original dispatch is recorded: async, error, forward and include dispatches are part of it
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)
                || request.getDispatcherType() != DispatcherType.REQUEST) {
            ErrorPageDispatch pending = request.getDispatcherType() == DispatcherType.ERROR
                    ? ErrorPageDispatch.of(request) : null;
            if (pending == null || !(response instanceof HttpServletResponse)) {
                chain.doFilter(request, response);
            } else {
                pending.render(request, (HttpServletResponse) response, chain);
            }
            return;
        }
        ServedServletRequest served = serve((HttpServletRequest) request, (HttpServletResponse) response);
        InboundExchange exchange = served == null ? null : InboundExchange.begin(client, served::header);
        if (exchange == null) {
            chain.doFilter(request, response);
            return;
        }
        Throwable failure = null;
        try {
            chain.doFilter(served.chainRequest(), served.chainResponse());
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            if (!ErrorPageDispatch.deferTo(request, served, exchange, failure)) {
                exchange.end(served, failure, failure == null ? served.asyncCompletion() : null);
            }
        }
    }

    private static ServedServletRequest serve(HttpServletRequest request, HttpServletResponse response) {
        try {
            return new ServedServletRequest(request, new CountingResponse(response));
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
