package dev.seestack.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.seestack.FeatureFixtures.allItems;
import static dev.seestack.FeatureFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.seestack.SeeStackContext;
import dev.seestack.StubbedClient;
import dev.seestack.testkit.IngestStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDK, OkHttp and Apache decorators calling a WireMock service, shipping to an ingest stub. */
class OutboundHttpMonitoringTest {
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);
    private WireMockServer callee;

    @BeforeEach
    void startCallee() {
        callee = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        callee.start();
        callee.stubFor(any(urlPathEqualTo("/api/items")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "5").withBody("hello")));
    }

    @AfterEach
    void stopCallee() {
        callee.stop();
    }

    @Test
    void jdkHttpClientWrapperRecordsTheCallAndPropagatesTheTraceId() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        try (SeeStackContext.Scope scope = SeeStackContext.with(TRACE_ID, null, null)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/items?apiKey=q-secret")))
                    .header("Authorization", "secret-xyz").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("hello", response.body());
        }

        assertRecordedOutbound(TRACE_ID);
    }

    @Test
    void jdkHttpClientWrapperRecordsAsyncCalls() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        try (SeeStackContext.Scope scope = SeeStackContext.with(TRACE_ID, null, null)) {
            HttpResponse<String> response = http.sendAsync(HttpRequest.newBuilder(URI.create(url("/api/items?apiKey=q-secret")))
                    .header("Authorization", "secret-xyz").build(), HttpResponse.BodyHandlers.ofString())
                    .get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
        }

        dev.seestack.testkit.PollUntil.await("async call recorded",
                () -> sdk.client().stats().httpRequests().captured() == 1);
        assertRecordedOutbound(TRACE_ID);
    }

    @Test
    void okHttpInterceptorRecordsTheCallAndPropagatesTheTraceId() throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new SeeStackOkHttpInterceptor(sdk.client()))
                .build();
        try (SeeStackContext.Scope scope = SeeStackContext.with(TRACE_ID, null, null);
                Response response = http.newCall(new Request.Builder().url(url("/api/items?apiKey=q-secret"))
                        .header("Authorization", "secret-xyz").build()).execute()) {
            assertEquals("hello", response.body().string());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }

        assertRecordedOutbound(TRACE_ID);
    }

    @Test
    void apacheInterceptorRecordsTheCallAndPropagatesTheTraceId() throws Exception {
        try (CloseableHttpClient http = HttpClients.custom()
                .addExecInterceptorFirst(SeeStackApacheInterceptor.NAME, new SeeStackApacheInterceptor(sdk.client()))
                .build();
                SeeStackContext.Scope scope = SeeStackContext.with(TRACE_ID, null, null)) {
            HttpGet get = new HttpGet(url("/api/items?apiKey=q-secret"));
            get.addHeader("Authorization", "secret-xyz");
            String body = http.execute(get, response -> EntityUtils.toString(response.getEntity()));
            assertEquals("hello", body);
        }

        assertRecordedOutbound(TRACE_ID);
    }

    @Test
    void keepsTheCallersOwnRequestIdAndRecordsIt() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        http.send(HttpRequest.newBuilder(URI.create(url("/api/items"))).header("X-Request-ID", "caller-1").build(),
                HttpResponse.BodyHandlers.ofString());

        LoggedRequest received = callee.findAll(anyRequestedFor(urlPathEqualTo("/api/items"))).get(0);
        assertEquals(List.of("caller-1"), received.header("X-Request-ID").values());
        assertFalse(received.containsHeader("traceparent"));
        sdk.client().flush();
        assertEquals("caller-1", allItems(stub).get(0).get("traceId"));
    }

    @Test
    void generatesATraceIdWhenTheCallerHasNone() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        http.send(HttpRequest.newBuilder(URI.create(url("/api/items"))).build(), HttpResponse.BodyHandlers.ofString());

        LoggedRequest received = callee.findAll(anyRequestedFor(urlPathEqualTo("/api/items"))).get(0);
        String requestId = received.getHeader("X-Request-ID");
        assertTrue(requestId.matches("[0-9a-f]{32}"), requestId);
        assertTrue(received.getHeader("traceparent").matches("00-" + requestId + "-[0-9a-f]{16}-01"));
        sdk.client().flush();
        assertEquals(requestId, allItems(stub).get(0).get("traceId"));
    }

    @Test
    void neverRecordsCallsToTheSeeStackHostItself() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        http.send(HttpRequest.newBuilder(URI.create(stub.host() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

        sdk.client().flush();
        assertEquals(0, sdk.client().stats().httpRequests().captured());
        assertEquals(0, stub.count(IngestStub.HTTP_REQUESTS));
        LoggedRequest own = stub.server().findAll(anyRequestedFor(urlPathEqualTo("/health"))).get(0);
        assertNull(own.getHeader("X-Request-ID"));
    }

    @Test
    void recordsAFailedConnectionWithStatusZeroAndRethrows() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deadPort + "/down")).build(),
                HttpResponse.BodyHandlers.ofString()));

        sdk.client().flush();
        Map<String, Object> item = allItems(stub).get(0);
        assertEquals("0", text(item, "statusCode"));
        assertEquals("/down", item.get("path"));
        stub.assertAllBodiesValid();
    }

    private void assertRecordedOutbound(String traceId) {
        LoggedRequest received = callee.findAll(anyRequestedFor(urlPathEqualTo("/api/items"))).get(0);
        assertEquals(traceId, received.getHeader("X-Request-ID"));
        assertTrue(received.getHeader("traceparent").startsWith("00-" + traceId + "-"), received.getHeader("traceparent"));
        assertEquals("secret-xyz", received.getHeader("Authorization"), "the caller's own headers reach the callee");

        sdk.client().flush();
        List<String> bodies = stub.awaitBodies(IngestStub.HTTP_REQUESTS, 1);
        assertEquals(1, bodies.size());
        List<Map<String, Object>> items = allItems(stub);
        assertEquals(1, items.size());
        Map<String, Object> item = items.get(0);
        assertEquals("outbound", item.get("direction"));
        assertEquals("GET", item.get("method"));
        assertEquals("127.0.0.1:" + callee.port(), item.get("host"));
        assertEquals("/api/items", item.get("path"));
        assertEquals("200", text(item, "statusCode"));
        assertEquals("5", text(item, "responseSize"));
        assertEquals(traceId, item.get("traceId"));
        String body = bodies.get(0);
        assertFalse(body.contains("secret-xyz"), body);
        assertFalse(body.contains("q-secret"), body);
        assertFalse(body.contains("Authorization"), body);
        stub.assertAllBodiesValid();
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + callee.port() + pathAndQuery;
    }
}
