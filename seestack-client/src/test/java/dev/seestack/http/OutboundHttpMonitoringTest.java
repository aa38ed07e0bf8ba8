package dev.seestack.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.seestack.FeatureFixtures.allItems;
import static dev.seestack.FeatureFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

/** The JDK HttpClient decorator calling a WireMock service, shipping to an ingest stub. */
class OutboundHttpMonitoringTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);
    @RegisterExtension
    final OutboundCallee callee = new OutboundCallee();

    @Test
    void jdkHttpClientWrapperRecordsTheCallAndPropagatesTheTraceId() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        try (SeeStackContext.Scope scope = SeeStackContext.with(OutboundCallee.TRACE_ID, null, null)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(callee.url("/api/items?apiKey=q-secret")))
                    .header("Authorization", "secret-xyz").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("hello", response.body());
        }

        callee.assertRecordedOutbound(stub, sdk, OutboundCallee.TRACE_ID);
    }

    @Test
    void jdkHttpClientWrapperRecordsAsyncCalls() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        try (SeeStackContext.Scope scope = SeeStackContext.with(OutboundCallee.TRACE_ID, null, null)) {
            HttpResponse<String> response = http.sendAsync(HttpRequest.newBuilder(URI.create(callee.url("/api/items?apiKey=q-secret")))
                    .header("Authorization", "secret-xyz").build(), HttpResponse.BodyHandlers.ofString())
                    .get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
        }

        dev.seestack.testkit.PollUntil.await("async call recorded",
                () -> sdk.client().stats().httpRequests().captured() == 1);
        callee.assertRecordedOutbound(stub, sdk, OutboundCallee.TRACE_ID);
    }

    @Test
    void keepsTheCallersOwnRequestIdAndRecordsIt() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        http.send(HttpRequest.newBuilder(URI.create(callee.url("/api/items"))).header("X-Request-ID", "caller-1").build(),
                HttpResponse.BodyHandlers.ofString());

        LoggedRequest received = callee.received().get(0);
        assertEquals(List.of("caller-1"), received.header("X-Request-ID").values());
        assertFalse(received.containsHeader("traceparent"));
        sdk.client().flush();
        assertEquals("caller-1", allItems(stub).get(0).get("traceId"));
    }

    @Test
    void generatesATraceIdWhenTheCallerHasNone() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        http.send(HttpRequest.newBuilder(URI.create(callee.url("/api/items"))).build(), HttpResponse.BodyHandlers.ofString());

        LoggedRequest received = callee.received().get(0);
        String requestId = received.getHeader("X-Request-ID");
        assertTrue(requestId.matches("[0-9a-f]{32}"), requestId);
        assertTrue(received.getHeader("traceparent").matches("00-" + requestId + "-[0-9a-f]{16}-01"));
        sdk.client().flush();
        assertEquals(requestId, allItems(stub).get(0).get("traceId"));
    }

    @Test
    void addsNoTraceparentOfItsOwnWhileATracerOwnsTheTrace() throws Exception {
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newHttpClient(), sdk.client());
        MDC.put("traceId", "6b16f8021c5a4e1d9b3f7a2e4c8d0f11");
        MDC.put("spanId", "9b3f7a2e4c8d0f11");
        try {
            http.send(HttpRequest.newBuilder(URI.create(callee.url("/api/items"))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
        }

        LoggedRequest received = callee.received().get(0);
        assertEquals("6b16f8021c5a4e1d9b3f7a2e4c8d0f11", received.getHeader("X-Request-ID"));
        assertFalse(received.containsHeader("traceparent"));
        sdk.client().flush();
        assertEquals("6b16f8021c5a4e1d9b3f7a2e4c8d0f11", allItems(stub).get(0).get("traceId"));
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
}
