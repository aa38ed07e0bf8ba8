package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.http.OutboundExchange;
import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Records each call of a {@code RestClient} or {@code RestTemplate} as an outbound HTTP item (method, host, path
 * without query, status, duration, body sizes; never headers) and propagates the current trace id
 * ({@code X-Request-ID}, {@code traceparent}) unless the caller set one. A failed call is recorded with status 0
 * and rethrown unchanged.
 */
final class OutboundRecordingInterceptor implements ClientHttpRequestInterceptor {
    private final SeeStackClient client;

    OutboundRecordingInterceptor(SeeStackClient client) {
        this.client = client;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        OutboundExchange exchange = OutboundExchange.begin(() -> client, request.getMethod().name(),
                request.getURI(), name -> request.getHeaders().getFirst(name));
        if (exchange == null) {
            return execution.execute(request, body);
        }
        exchange.headersToAdd().forEach((name, value) -> request.getHeaders().set(name, value));
        try {
            ClientHttpResponse response = execution.execute(request, body);
            exchange.finish(response.getStatusCode().value(), body.length, response.getHeaders().getContentLength());
            return response;
        } catch (IOException | RuntimeException | Error e) {
            exchange.finish(0, body.length, 0);
            throw e;
        }
    }
}
