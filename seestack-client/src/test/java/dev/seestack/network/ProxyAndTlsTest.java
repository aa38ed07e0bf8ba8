package dev.seestack.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.delivery.RetryPolicy;
import dev.seestack.testkit.ForwardProxy;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.StderrCapture;
import dev.seestack.testkit.TestCertificates;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delivery through forward proxies and over TLS, the way users configure them, with real sockets. */
@Timeout(60)
class ProxyAndTlsTest {
    private static final TestCertificates TLS = TestCertificates.get();

    private final RecordingSink sink = new RecordingSink();
    /** The HTTP engine's own log lines never reach stderr (nor the application's logger). */
    @RegisterExtension
    final StderrCapture stderr = new StderrCapture();
    private IngestStub stub;
    private ForwardProxy proxy;
    private SeeStackClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close(); // the engine's thread has ended: whatever it printed is printed
        }
        assertEquals(0, stderr.lines("HTTP engine"), stderr.text());
        if (proxy != null) {
            proxy.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    private SeeStackClient client(String host, Consumer<SeeStackConfig.Builder> customize) {
        SeeStackConfig.Builder b = SeeStackConfig.builder(name -> null).apiKey(IngestStub.API_KEY).host(host)
                .environment("test");
        customize.accept(b);
        client = dev.seestack.internal.ClientAccess.create(b.build(), ClientComponents.defaults().scheduler(ManualScheduler::new)
                .retryPolicy(new RetryPolicy(() -> 0, System::currentTimeMillis)).diagnosticSink(sink)
                .shutdownHook(false));
        return client;
    }

    private void deliversOneLog() {
        client.captureLog("info", "through the network", null);
        assertTrue(client.flush(Duration.ofSeconds(10)), client.stats().toString());
        assertEquals(1, client.stats().logs().sent(), client.stats().toString());
        assertEquals(1, stub.awaitBodies(IngestStub.LOGS, 1).size());
        stub.assertAllBodiesValid();
    }

    @Test
    void deliversOverHttpsToAPrivateCaWithTheTrustStoreOption() {
        stub = IngestStub.startHttps(TLS.serverKeyStore());
        client(stub.host(), b -> b.trustStore(TLS.trustStore().toString()).trustStorePassword(TestCertificates.PASSWORD));

        deliversOneLog();
        assertTrue(stub.host().startsWith("https://localhost:"), "a dot-less host name, as SNI-routed setups use");
        assertEquals(List.of(), sink.lines());
    }

    @Test
    void anUntrustedCertificateIsWarnedOnceNamingTheHostAndNothingIsSent() {
        stub = IngestStub.startHttps(TLS.serverKeyStore());
        client(stub.host(), b -> { });

        for (int i = 0; i < 3; i++) {
            client.captureError(new IllegalStateException("boom " + i));
        }
        PollUntil.await("the TLS warning", () -> !sink.containing("cannot connect securely").isEmpty());
        PollUntil.await("every attempt failed", () -> client.stats().errors().pending() <= 3
                && sink.containing("cannot connect securely").size() == 1);
        String warning = sink.containing("cannot connect securely").get(0);
        assertTrue(warning.contains(stub.host()) && warning.contains("untrusted certificate")
                && warning.contains("'trustStore'"), warning);
        assertEquals(0, stub.server().getAllServeEvents().size(), "nothing reached the server");
        assertEquals(1, sink.containing("cannot connect securely").size(), sink.lines().toString());
    }

    @Test
    void aCertificateForAnotherHostIsWarnedAsAHostNameMismatch() {
        stub = IngestStub.startHttps(TLS.wrongHostKeyStore());
        client(stub.host(), b -> b.trustStore(TLS.trustStore().toString()).trustStorePassword(TestCertificates.PASSWORD));

        client.captureError(new IllegalStateException("boom"));
        PollUntil.await("the TLS warning", () -> !sink.containing("cannot connect securely").isEmpty());
        String warning = sink.containing("cannot connect securely").get(0);
        assertTrue(warning.contains(stub.host()) && warning.contains("host name mismatch"), warning);
        assertEquals(0, stub.server().getAllServeEvents().size(), "nothing reached the server");
    }

    @Test
    void theProxyOptionRelaysPlainHttpInAbsoluteForm() {
        stub = IngestStub.start();
        proxy = ForwardProxy.open();
        client(stub.host(), b -> b.proxy("http://127.0.0.1:" + proxy.port()));

        deliversOneLog();
        assertEquals(1, proxy.forwarded());
        assertTrue(proxy.requestLines().get(0).startsWith("POST " + stub.host() + IngestStub.LOGS + " "),
                proxy.requestLines().toString());
    }

    @Test
    void theProxyOptionTunnelsHttpsWithConnect() {
        stub = IngestStub.startHttps(TLS.serverKeyStore());
        proxy = ForwardProxy.open();
        client(stub.host(), b -> b.proxy("http://127.0.0.1:" + proxy.port())
                .trustStore(TLS.trustStore().toString()).trustStorePassword(TestCertificates.PASSWORD));

        deliversOneLog();
        assertEquals(1, proxy.tunnels());
        assertTrue(proxy.requestLines().get(0).startsWith("CONNECT localhost:"), proxy.requestLines().toString());
    }

    @Test
    void proxyCredentialsAreSentToTheProxyWithTheFirstRequest() {
        stub = IngestStub.start();
        proxy = ForwardProxy.withCredentials("relay", "s3cr@t:pw");
        client(stub.host(), b -> b.proxy("http://relay:s3cr%40t%3Apw@127.0.0.1:" + proxy.port()));

        deliversOneLog();
        assertEquals(0, proxy.challenged(), "Basic credentials go with the first request, no 407 round trip");
        assertEquals(1, proxy.forwarded());
        assertTrue(stub.requests(IngestStub.LOGS).get(0).getHeader("Proxy-Authorization") == null,
                "the proxy's credentials never reach the backend");
    }

    @Test
    void proxyCredentialsGoWithTheConnectOfAnHttpsTunnel() {
        stub = IngestStub.startHttps(TLS.serverKeyStore());
        proxy = ForwardProxy.withCredentials("relay", "s3cr@t:pw");
        client(stub.host(), b -> b.proxy("http://relay:s3cr%40t%3Apw@127.0.0.1:" + proxy.port())
                .trustStore(TLS.trustStore().toString()).trustStorePassword(TestCertificates.PASSWORD));

        deliversOneLog();
        assertEquals(0, proxy.challenged());
        assertEquals(1, proxy.tunnels());
        assertTrue(stub.requests(IngestStub.LOGS).get(0).getHeader("Proxy-Authorization") == null,
                "the proxy's credentials never reach the backend");
        assertEquals(List.of(), sink.lines());
    }

    @Test
    void theJvmProxyPropertiesAreHonouredWithoutAnyOption() {
        stub = IngestStub.start();
        proxy = ForwardProxy.open();
        String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        try {
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
            System.setProperty("http.nonProxyHosts", ""); // the JDK default bypasses loopback
            client(stub.host(), b -> { });

            deliversOneLog();
            assertEquals(1, proxy.forwarded());
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
    }

    @Test
    void aMalformedProxyOptionIsRefusedNamingItWithoutItsCredentials() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SeeStackConfig.builder(n -> null).apiKey("k").host("https://x.example.com")
                        .proxy("socks5://user:hunter2@proxy:1080").build());
        assertTrue(e.getMessage().contains("option 'proxy'") && !e.getMessage().contains("hunter2"), e.getMessage());
    }
}
