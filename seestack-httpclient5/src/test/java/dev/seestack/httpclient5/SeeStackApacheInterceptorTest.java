package dev.seestack.httpclient5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.SeeStackContext;
import dev.seestack.StubbedClient;
import dev.seestack.http.OutboundCallee;
import dev.seestack.testkit.IngestStub;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Apache HttpClient 5 exec-chain handler calling a WireMock service, shipping to an ingest stub. */
class SeeStackApacheInterceptorTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);
    @RegisterExtension
    final OutboundCallee callee = new OutboundCallee();

    @Test
    void recordsTheCallAndPropagatesTheTraceId() throws Exception {
        try (CloseableHttpClient http = HttpClients.custom()
                .addExecInterceptorFirst(SeeStackApacheInterceptor.NAME, new SeeStackApacheInterceptor(sdk.client()))
                .build();
                SeeStackContext.Scope scope = SeeStackContext.with(OutboundCallee.TRACE_ID, null, null)) {
            HttpGet get = new HttpGet(callee.url("/api/items?apiKey=q-secret"));
            get.addHeader("Authorization", "secret-xyz");
            String body = http.execute(get, response -> EntityUtils.toString(response.getEntity()));
            assertEquals("hello", body);
        }

        callee.assertRecordedOutbound(stub, sdk, OutboundCallee.TRACE_ID);
    }
}
