package dev.seestack.http;

import static dev.seestack.FeatureFixtures.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.FeatureFixtures;
import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.transport.NettyTransport;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP items go out in batches of at most 100, none lost or duplicated. */
class HttpBatchingTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private final CountDownLatch senderBusy = new CountDownLatch(1);
    private final CountDownLatch releaseSender = new CountDownLatch(1);
    private SeeStackClient client;

    @BeforeEach
    void start() {
        // one sender, held inside an error's request while the test captures: the HTTP lane then fills up
        // completely before anything drains it, which makes the batch split deterministic
        client = ClientAccess.create(FeatureFixtures.config(stub).flushIntervalMs(60_000).build(), FeatureFixtures.components(FeatureFixtures.warnings()).senderThreads(1)
                        .transport(config -> new HoldingTransport(new NettyTransport(config.host(), config.apiKey()))));
    }

    @AfterEach
    void stop() {
        releaseSender.countDown();
        client.close();
    }

    @Test
    @Timeout(60)
    void sends250CapturedRequestsAsBatchesOf100And100And50WithNothingLostOrDuplicated() throws Exception {
        client.captureError(new IllegalStateException("holds the only sender"));
        senderBusy.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 250; i++) {
            client.captureHttpRequest(HttpRequestEvent.builder().method("get").host("api.example.com")
                    .path("/r/" + i).traceId("trace-" + i).statusCode(200).durationMs(3).build());
        }
        releaseSender.countDown();

        client.flush();
        List<String> bodies = stub.awaitBodies(IngestStub.HTTP_REQUESTS, 3);
        stub.assertAllBodiesValid();
        List<Integer> sizes = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        Set<String> traceIds = new HashSet<>();
        int total = 0;
        for (String body : bodies) {
            List<Map<String, Object>> items = items(body);
            sizes.add(items.size());
            for (Map<String, Object> item : items) {
                paths.add((String) item.get("path"));
                traceIds.add((String) item.get("traceId"));
                total++;
            }
        }
        assertEquals(List.of(100, 100, 50), sizes);
        assertEquals(250, total);
        assertEquals(250, paths.size());
        assertEquals(250, traceIds.size());
        assertEquals(250, client.stats().httpRequests().sent());
    }

    /** Holds the sender inside the error request until the test releases it. */
    private final class HoldingTransport implements Transport {
        private final Transport delegate;

        HoldingTransport(Transport delegate) {
            this.delegate = delegate;
        }

        @Override
        public TransportResponse post(String path, byte[] body) throws IOException, InterruptedException {
            if (path.equals(IngestStub.ERRORS)) {
                senderBusy.countDown();
                releaseSender.await(30, TimeUnit.SECONDS);
            }
            return delegate.post(path, body);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
