package dev.seestack.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.TestCertificates;
import dev.seestack.testkit.PollUntil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the transport must do, over plain http and over https (a test CA in a trust store). */
@Timeout(60)
class TransportContractTest {
    @RegisterExtension
    static final IngestStub plain = IngestStub.perClass();
    @RegisterExtension
    static final IngestStub tls = IngestStub.perClassHttps(TestCertificates.get().serverKeyStore());
    /** The stub of the current test's scheme. */
    private IngestStub stub;

    private static final byte[] BODY = "{\"level\":\"info\",\"message\":\"héllo\"}".getBytes(StandardCharsets.UTF_8);

    enum Kind {
        HTTP, HTTPS;

        IngestStub stub() {
            return this == HTTP ? plain : tls;
        }

        /** A transport to {@code hostSuffix} below this scheme's stub, trusting the test CA. */
        Transport transport(TransportContractTest test, String hostSuffix, String key) {
            SeeStackConfig config = SeeStackConfig.builder(n -> null).apiKey(key).host(test.stub.host() + hostSuffix)
                    .trustStore(TestCertificates.get().trustStore().toString())
                    .trustStorePassword(TestCertificates.PASSWORD).build();
            return new NettyTransport(config.host(), key, HttpEngine.forConfig(config, System::nanoTime), true);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void postsTheBodyWithKeyAndContentTypeAndReadsTheStatus(Kind kind) throws Exception {
        stub = kind.stub();
        try (Transport t = kind.transport(this, "", "key-1")) {
            TransportResponse r = t.post(IngestStub.LOGS, BODY);
            assertEquals(202, r.status());
            assertTrue(r.body().contains("\"success\":true"), r.body());
        }
        stub.server().verify(postRequestedFor(urlPathEqualTo(IngestStub.LOGS))
                .withHeader("X-SeeStack-Key", equalTo("key-1"))
                .withHeader("Content-Type", equalTo("application/json")));
        assertEquals(new String(BODY, StandardCharsets.UTF_8), stub.awaitBodies(IngestStub.LOGS, 1).get(0));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keepsAHostPathPrefixAndReadsRetryAfter(Kind kind) throws Exception {
        stub = kind.stub();
        stub.stub(post(urlPathEqualTo("/proxy" + IngestStub.ERRORS)).willReturn(
                aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("slow down")));
        try (Transport t = kind.transport(this, "/proxy", "k")) {
            TransportResponse r = t.post(IngestStub.ERRORS, BODY);
            assertEquals(429, r.status());
            assertEquals("7", r.retryAfter());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsChunkedResponsesAndReusesTheConnection(Kind kind) throws Exception {
        stub = kind.stub();
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withStatus(202)
                .withBody("{\"ok\":true,\"padding\":\"" + "x".repeat(5000) + "\"}").withChunkedDribbleDelay(4, 20)));
        try (Transport t = kind.transport(this, "", "k")) {
            for (int i = 0; i < 5; i++) {
                assertEquals(202, t.post(IngestStub.LOGS, BODY).status());
            }
        }
        assertEquals(5, stub.awaitBodies(IngestStub.LOGS, 5).size());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void flagsAnAnswerAsFromANewConnectionOnTheFirstRequestOfThatConnectionOnly(Kind kind) throws Exception {
        stub = kind.stub();
        try (Transport t = kind.transport(this, "", "k")) {
            assertTrue(t.post(IngestStub.LOGS, BODY).newConnection(), "the first request opened the connection");
            for (int i = 0; i < 3; i++) {
                TransportResponse r = t.post(IngestStub.LOGS, BODY);
                assertEquals(202, r.status());
                assertFalse(r.newConnection(), "request " + (i + 2) + " went on the pooled connection");
            }
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(Kind.values()).flatMap(k -> Stream.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE,
                Fault.MALFORMED_RESPONSE_CHUNK, Fault.RANDOM_DATA_THEN_CLOSE).map(f -> Arguments.of(k, f)));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void reportsBrokenResponsesAsIOExceptions(Kind kind, Fault fault) {
        stub = kind.stub();
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1).willReturn(aResponse().withFault(fault)));
        try (Transport t = kind.transport(this, "", "k")) {
            assertThrows(IOException.class, () -> t.post(IngestStub.LOGS, BODY));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failsFastWhenNothingListens(Kind kind) throws Exception {
        stub = kind.stub();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Transport t = new NettyTransport("http://127.0.0.1:" + port, "k")) {
            assertThrows(IOException.class, () -> t.post(IngestStub.LOGS, BODY));
        }
    }

    @Test
    void transportGivesUpOnASilentServerWithinTheRequestDeadline() throws Exception {
        stub = plain;
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1)
                .willReturn(aResponse().withStatus(202).withFixedDelay(20_000)));
        try (Transport t = new NettyTransport(stub.host(), "k")) {
            long start = System.nanoTime();
            assertThrows(UnconfirmedDeliveryException.class, () -> t.post(IngestStub.LOGS, BODY), "the body left: it may be stored");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 6_000, "took " + ms + " ms");
        }
    }
}
