package dev.seestack.httpclient5;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.http.OutboundExchange;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;

/**
 * Apache HttpClient 5 (classic) exec-chain handler recording every request as an outbound HTTP item
 * (method, host, path without query, status, duration, body sizes; never headers) and adding
 * {@code X-Request-ID} and {@code traceparent} with the current trace id when the caller set neither.
 * Register it first so redirects and retries count as one call:
 *
 * <pre>{@code
 * CloseableHttpClient http = HttpClients.custom()
 *         .addExecInterceptorFirst(SeeStackApacheInterceptor.NAME, new SeeStackApacheInterceptor())
 *         .build();
 * }</pre>
 */
public final class SeeStackApacheInterceptor implements ExecChainHandler {
    /** Suggested name of this handler in the exec chain. */
    public static final String NAME = "seestack";

    private final Supplier<SeeStackClient> client;

    /** Records to the process-wide client ({@code SeeStack.init}) when one exists. */
    public SeeStackApacheInterceptor() {
        this.client = ClientRegistry::current;
    }

    /** Records to {@code client}. */
    public SeeStackApacheInterceptor(SeeStackClient client) {
        this.client = () -> client;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        OutboundExchange exchange = OutboundExchange.begin(client, request.getMethod(), uri(request, scope),
                name -> {
                    Header h = request.getFirstHeader(name);
                    return h == null ? null : h.getValue();
                });
        if (exchange == null) {
            return chain.proceed(request, scope);
        }
        // the client hands the chain its own copy of the caller's request, so adding headers here is safe
        exchange.headersToAdd().forEach(request::addHeader);
        long requestSize = size(request.getEntity());
        try {
            ClassicHttpResponse response = chain.proceed(request, scope);
            exchange.finish(response.getCode(), requestSize, size(response.getEntity()));
            return response;
        } catch (IOException | HttpException | RuntimeException | Error e) {
            exchange.finish(0, requestSize, 0);
            throw e;
        }
    }

    private static URI uri(ClassicHttpRequest request, ExecChain.Scope scope) {
        try {
            URI uri = request.getUri();
            if (uri.getHost() == null && scope != null && scope.route != null) {
                HttpHost target = scope.route.getTargetHost();
                uri = URI.create(target.toURI()).resolve(uri.getRawPath() == null ? "/" : uri.getRawPath());
            }
            return uri;
        } catch (Exception e) {
            return null;
        }
    }

    private static long size(HttpEntity entity) {
        try {
            return entity == null ? 0 : entity.getContentLength();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
