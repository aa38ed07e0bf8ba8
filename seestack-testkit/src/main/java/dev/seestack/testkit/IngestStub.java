package dev.seestack.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A WireMock backend that accepts every ingest endpoint with 202 (as SeeStack does), records the bodies,
 * and validates each one against the contract schema. Use it either by hand ({@link #start()} /
 * {@link #close()}) or as a JUnit extension, {@code @RegisterExtension static final IngestStub stub =
 * IngestStub.perClass();}, which starts it once per class, resets it before each test and, after each test
 * (after the test's own {@code @AfterEach}), validates every body received against the contract schemas.
 */
public final class IngestStub implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    public static final String ERRORS = "/ingest/v1/errors";
    public static final String LOGS = "/ingest/v1/logs";
    public static final String HTTP_REQUESTS = "/ingest/v1/http-requests";
    public static final String HEARTBEAT = "/ingest/v1/heartbeat";
    public static final String API_KEY = "test-key-123";

    private final WireMockServer server;
    private final boolean https;

    private IngestStub(WireMockServer server) {
        this(server, false);
    }

    private IngestStub(WireMockServer server, boolean https) {
        this.server = server;
        this.https = https;
    }

    /**
     * Starts a stub answering 202 everywhere over https only, presenting the certificate in {@code keyStore}
     * (see {@link TestCertificates}); {@link #host()} is then {@code https://localhost:PORT}.
     */
    public static IngestStub startHttps(java.nio.file.Path keyStore) {
        IngestStub stub = perClassHttps(keyStore);
        stub.server.start();
        stub.acceptAll();
        return stub;
    }

    /** Starts a stub on a free loopback port answering 202 everywhere. */
    public static IngestStub start() {
        IngestStub stub = perClass();
        stub.server.start();
        stub.acceptAll();
        return stub;
    }

    /**
     * Starts a stub answering 202 everywhere on a given loopback {@code port}, e.g. to let a backend that was
     * down (nothing listening there) or blackholed come back on the address a client already uses.
     */
    public static IngestStub startOnPort(int port) {
        IngestStub stub = new IngestStub(new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1")
                .containerThreads(20).jettyAcceptors(1)));
        stub.server.start();
        stub.acceptAll();
        return stub;
    }

    /** Like {@link #perClass()} but over https only with the certificate in {@code keyStore}. */
    public static IngestStub perClassHttps(java.nio.file.Path keyStore) {
        return new IngestStub(new WireMockServer(wireMockConfig().httpDisabled(true).httpsPort(0)
                .bindAddress("127.0.0.1").keystorePath(keyStore.toString()).keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD).keyManagerPassword(TestCertificates.PASSWORD)
                .containerThreads(20).jettyAcceptors(1)), true);
    }

    /** A stub for {@code @RegisterExtension}: started before the class, reset and validated around each test. */
    public static IngestStub perClass() {
        return new IngestStub(new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20).jettyAcceptors(1)));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        acceptAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            assertAllBodiesValid();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    /** Resets to answering 202 on every ingest path and forgets recorded requests. */
    public void acceptAll() {
        server.resetAll();
        String envelope = "{\"success\":true,\"data\":{\"id\":\"5f0c6a5e-0000-4000-8000-000000000001\"},"
                + "\"meta\":{\"requestId\":\"5f0c6a5e-0000-4000-8000-000000000002\",\"timestamp\":\"2026-01-01T00:00:00Z\"}}";
        server.stubFor(post(urlPathEqualTo(ERRORS)).willReturn(json(202, envelope)));
        server.stubFor(post(urlPathEqualTo(LOGS)).willReturn(json(202, envelope)));
        server.stubFor(post(urlPathEqualTo(HTTP_REQUESTS)).willReturn(json(202, "{\"ok\":true,\"accepted\":1}")));
        server.stubFor(post(urlPathEqualTo(HEARTBEAT))
                .willReturn(json(202, "{\"ok\":true,\"monitorId\":\"5f0c6a5e-0000-4000-8000-000000000003\"}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The underlying WireMock server, for scenario stubs. */
    public WireMockServer server() {
        return server;
    }

    /** Adds a stub (takes priority over the defaults when given a higher priority). */
    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** Base URL to configure as {@code host}. */
    public String host() {
        return https ? "https://localhost:" + server.httpsPort() : "http://127.0.0.1:" + server.port();
    }

    /** Bodies received on {@code path}, in arrival order. */
    public List<String> bodies(String path) {
        return requests(path).stream().map(LoggedRequest::getBodyAsString).collect(Collectors.toList());
    }

    /** Requests received on {@code path}, in arrival order. */
    public List<LoggedRequest> requests(String path) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    /** Number of requests received on {@code path}. */
    public int count(String path) {
        return requests(path).size();
    }

    /**
     * Waits for at least {@code n} log requests and returns their bodies with the capture time checked and removed
     * (see {@link CaptureTime}), for exact comparison.
     */
    public List<String> awaitLogBodies(int n) {
        return awaitBodies(LOGS, n).stream().map(CaptureTime::strip).collect(java.util.stream.Collectors.toList());
    }

    /** Waits until at least {@code n} requests arrived on {@code path} and returns their bodies. */
    public List<String> awaitBodies(String path, int n) {
        PollUntil.await(Duration.ofSeconds(15), n + " requests on " + path + " (have " + count(path) + ")",
                () -> count(path) >= n);
        return bodies(path);
    }

    /** Validates every body received so far on every ingest path against the contract schemas. */
    public void assertAllBodiesValid() {
        for (String path : List.of(ERRORS, LOGS, HTTP_REQUESTS, HEARTBEAT)) {
            for (String body : bodies(path)) {
                ContractSchemas.assertValid(path, body);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
