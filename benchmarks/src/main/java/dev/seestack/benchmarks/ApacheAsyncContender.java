package dev.seestack.benchmarks;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * Apache HttpAsyncClient 5 with one I/O thread: HTTP/1.1 over http with a pool of {@code inFlight} keep-alive
 * connections, HTTP/2 over https (HttpCore 5's h2 multiplexer, one connection); {@code SimpleRequestBuilder}
 * requests and a {@code FutureCallback} per request.
 */
final class ApacheAsyncContender extends AsyncContender {
    private final CloseableHttpAsyncClient client;
    private final Endpoint endpoint;

    ApacheAsyncContender(Endpoint endpoint) throws Exception {
        super(endpoint.inFlight());
        this.endpoint = endpoint;
        IOReactorConfig io = IOReactorConfig.custom().setIoThreadCount(1).build();
        if (endpoint.https()) {
            client = HttpAsyncClients.customHttp2().setIOReactorConfig(io).setTlsStrategy(ClientTlsStrategyBuilder
                    .create().setSslContext(ClientTls.context(endpoint.trustStore())).buildAsync()).build();
        } else {
            client = HttpAsyncClients.custom().setIOReactorConfig(io).setConnectionManager(
                    PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(endpoint.inFlight())
                            .setMaxConnPerRoute(endpoint.inFlight()).build()).build();
        }
        client.start();
    }

    @Override
    void send(Answer answer) {
        SimpleHttpRequest request = SimpleRequestBuilder.post(endpoint.logs()).addHeader(KEY_HEADER, "bench")
                .setBody(LOG_BODY, ContentType.APPLICATION_JSON).build();
        client.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                answer.done(response.getCode() / 100 == 2);
            }

            @Override
            public void failed(Exception failure) {
                answer.done(false);
            }

            @Override
            public void cancelled() {
                answer.done(false);
            }
        });
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
