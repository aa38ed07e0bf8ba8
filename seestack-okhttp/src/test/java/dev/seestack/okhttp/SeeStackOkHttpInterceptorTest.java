package dev.seestack.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackContext;
import dev.seestack.StubbedClient;
import dev.seestack.http.OutboundCallee;
import dev.seestack.testkit.IngestStub;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OkHttp interceptor calling a WireMock service, shipping to an ingest stub. */
class SeeStackOkHttpInterceptorTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);
    @RegisterExtension
    final OutboundCallee callee = new OutboundCallee();

    @Test
    void recordsTheCallAndPropagatesTheTraceId() throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new SeeStackOkHttpInterceptor(sdk.client()))
                .build();
        try (SeeStackContext.Scope scope = SeeStackContext.with(OutboundCallee.TRACE_ID, null, null);
                Response response = http.newCall(new Request.Builder().url(callee.url("/api/items?apiKey=q-secret"))
                        .header("Authorization", "secret-xyz").build()).execute()) {
            assertEquals("hello", response.body().string());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }

        callee.assertRecordedOutbound(stub, sdk, OutboundCallee.TRACE_ID);
    }
}
