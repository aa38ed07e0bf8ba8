package dev.seestack.okhttp;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.http.OutboundExchange;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OkHttp interceptor recording every call as an outbound HTTP item (method, host, path without query,
 * status, duration, body sizes; never headers) and adding {@code X-Request-ID} and {@code traceparent} with
 * the current trace id when the caller set neither. Register it as an application interceptor:
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new SeeStackOkHttpInterceptor()).build();
 * }</pre>
 */
public final class SeeStackOkHttpInterceptor implements Interceptor {
    private final Supplier<SeeStackClient> client;

    /** Records to the process-wide client ({@code SeeStack.init}) when one exists. */
    public SeeStackOkHttpInterceptor() {
        this.client = ClientRegistry::current;
    }

    /** Records to {@code client}. */
    public SeeStackOkHttpInterceptor(SeeStackClient client) {
        this.client = () -> client;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        OutboundExchange exchange = OutboundExchange.begin(client, request.method(), uri(request), request::header);
        if (exchange == null) {
            return chain.proceed(request);
        }
        Request actual = request;
        if (!exchange.headersToAdd().isEmpty()) {
            Request.Builder builder = request.newBuilder();
            exchange.headersToAdd().forEach(builder::header);
            actual = builder.build();
        }
        long requestSize = requestSize(actual.body());
        try {
            Response response = chain.proceed(actual);
            exchange.finish(response.code(), requestSize, responseSize(response));
            return response;
        } catch (IOException | RuntimeException | Error e) {
            exchange.finish(0, requestSize, 0);
            throw e;
        }
    }

    private static URI uri(Request request) {
        try {
            return request.url().uri();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long requestSize(RequestBody body) {
        try {
            return body == null ? 0 : body.contentLength();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long responseSize(Response response) {
        ResponseBody body = response.body();
        long size = body == null ? -1 : body.contentLength();
        if (size < 0) {
            String header = response.header("Content-Length");
            try {
                size = header == null ? 0 : Long.parseLong(header.trim());
            } catch (NumberFormatException e) {
                size = 0;
            }
        }
        return size;
    }
}
