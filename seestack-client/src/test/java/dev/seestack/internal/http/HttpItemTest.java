package dev.seestack.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.testkit.ContractSchemas;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpItemTest {
    private static final String PROJECT_ID = "7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b";

    @Test
    void normalisesEveryFieldToTheContract() {
        HttpItem item = HttpItem.from(HttpRequestEvent.builder()
                .direction(HttpRequestEvent.Direction.OUTBOUND)
                .traceId("  ")
                .method("post")
                .host("https://user:pw@api.example.com:8443/ignored?x=1")
                .path("/orders/7?token=abc#frag")
                .statusCode(201)
                .durationMs(Long.MAX_VALUE)
                .requestSize(5_000_000_000L)
                .responseSize(-1)
                .timestamp(Instant.parse("2026-03-31T12:00:00Z"))
                .build());

        String json = encode(item);
        assertTrue(item.traceId().matches("[0-9a-f]{32}"), item.traceId());
        assertEquals("{\"traceId\":\"" + item.traceId() + "\",\"direction\":\"outbound\",\"method\":\"POST\","
                + "\"host\":\"api.example.com:8443\",\"path\":\"/orders/7\",\"statusCode\":201,"
                + "\"durationMs\":2147483647,\"requestSize\":2147483647,\"responseSize\":0,"
                + "\"timestamp\":\"2026-03-31T12:00:00.000Z\"}", json);
        ContractSchemas.assertValid("/ingest/v1/http-requests", batch(item));
    }

    @Test
    void blankOrQueryOnlyPathsBecomeSlashAndFullUrlsKeepOnlyThePath() {
        assertEquals("/", HttpItem.normalisePath(null));
        assertEquals("/", HttpItem.normalisePath("  "));
        assertEquals("/", HttpItem.normalisePath("?q=1"));
        assertEquals("/a/b", HttpItem.normalisePath("http://h.example/a/b?q=1"));
        assertEquals("/", HttpItem.normalisePath("https://h.example"));
        assertEquals("api.example.com", HttpItem.normaliseHost("HTTP://api.example.com"));
        assertNull(HttpItem.normaliseHost("https://"));
    }

    @Test
    void eventsWithoutMethodOrHostAreNotItems() {
        assertNull(HttpItem.from(HttpRequestEvent.builder().host("h").build()));
        assertNull(HttpItem.from(HttpRequestEvent.builder().method("GET").host(" ").build()));
    }

    @Test
    void keepsUserIdAndErrorFingerprintWhenGiven() {
        HttpItem item = HttpItem.from(HttpRequestEvent.builder().method("GET").host("h").traceId("t-1")
                .userId("user-42").errorFingerprint("fp-1").build());

        String json = encode(item);
        assertTrue(json.contains("\"userId\":\"user-42\",\"errorFingerprint\":\"fp-1\""), json);
        assertTrue(json.contains("\"traceId\":\"t-1\""), json);
        assertTrue(json.matches(".*\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\".*"), json);
    }

    @Test
    void readsTraceparentAndRequestIdHeaders() {
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736",
                TraceIds.fromHeaders("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "req-1"));
        assertEquals("req-1", TraceIds.fromHeaders("00-00000000000000000000000000000000-00f067aa0ba902b7-01", "req-1"));
        assertEquals("req-1", TraceIds.fromHeaders("garbage", " req-1 "));
        assertNull(TraceIds.fromHeaders(null, "x".repeat(129)));
        assertNull(TraceIds.traceparentFor("req-1"));
        assertTrue(TraceIds.traceparentFor("4bf92f3577b34da6a3ce929d0e0e4736")
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01"));
    }

    private static String encode(HttpItem item) {
        JsonWriter out = new JsonWriter(256);
        item.writeJson(out, new SensitiveDataMasker());
        return out.toString();
    }

    private static String batch(HttpItem item) {
        JsonWriter out = new JsonWriter(256);
        new HttpBatch(PROJECT_ID, List.of(item)).writeJson(out, new SensitiveDataMasker());
        return out.toString();
    }
}
