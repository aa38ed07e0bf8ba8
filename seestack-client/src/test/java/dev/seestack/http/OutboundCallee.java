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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.seestack.StubbedClient;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service the outbound HTTP decorators call in their tests (JDK client in the core, OkHttp and Apache in
 * their modules): a WireMock server answering {@code /api/items} with {@code hello}, started per test, and
 * the check that one call was recorded and traced the same way by every decorator.
 */
public final class OutboundCallee implements BeforeEachCallback, AfterEachCallback {
    /** The trace id the tests put in the context before calling. */
    public static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private WireMockServer server;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(urlPathEqualTo("/api/items")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "5").withBody("hello")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop();
    }

    public WireMockServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** The callee's URL for {@code pathAndQuery}. */
    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    /** The requests the callee received on {@code /api/items}. */
    public List<LoggedRequest> received() {
        return server.findAll(anyRequestedFor(urlPathEqualTo("/api/items")));
    }

    /**
     * Checks that one GET {@code /api/items?apiKey=q-secret} with an {@code Authorization} header reached the
     * callee carrying {@code traceId}, and that {@code sdk} shipped it to {@code stub} as one outbound item
     * without query string or headers.
     */
    public void assertRecordedOutbound(IngestStub stub, StubbedClient sdk, String traceId) {
        LoggedRequest received = received().get(0);
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
        assertEquals("127.0.0.1:" + server.port(), item.get("host"));
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
}
