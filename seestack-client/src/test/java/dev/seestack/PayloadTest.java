package dev.seestack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.CaptureTime;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What leaves the process: error and log bodies, masking, hostile values. */
@Timeout(60)
class PayloadTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    private SeeStackClient client;

    @BeforeEach
    void newClient() {
        client = new TestClients().client(stub);
    }

    @AfterEach
    void closeAndValidate() {
        client.close();
    }

    @Test
    void sendsAnErrorWithItsClassMessageFramesCauseChainEnvironmentAndUser() {
        IOException cause = new IOException("disk full");
        IllegalStateException error = new IllegalStateException("order failed", cause);
        client.setUser(User.of("u-1", "ada@example.com", "10.0.0.1"));
        client.captureError(error, ErrorContext.builder().level("WARNING").put("orderId", 42).build());

        String body = stub.awaitBodies(IngestStub.ERRORS, 1).get(0);
        assertTrue(body.startsWith("{\"exceptionClass\":\"java.lang.IllegalStateException\",\"message\":\"order failed\","
                + "\"stackTrace\":[\"dev.seestack.PayloadTest.sendsAnErrorWith"), body);
        assertTrue(body.contains("\"Caused by: java.io.IOException\",\"dev.seestack.PayloadTest."), body);
        assertTrue(body.matches(".*\"\\.\\.\\. \\d+ more\".*"), body);
        assertTrue(body.endsWith("\"level\":\"warn\",\"environment\":\"test\",\"release\":\"1.0.0\","
                + "\"user\":{\"id\":\"u-1\",\"email\":\"ada@example.com\",\"ip\":\"10.0.0.1\"},"
                + "\"metadata\":{\"orderId\":42,\"causes\":[\"java.io.IOException: disk full\"]}}"), body);
    }

    @Test
    void fallsBackToTheClassNameWhenAThrowableHasNoMessage() {
        client.captureError(new NullPointerException());
        String body = stub.awaitBodies(IngestStub.ERRORS, 1).get(0);
        assertTrue(body.contains("\"message\":\"java.lang.NullPointerException\""), body);
    }

    @Test
    void sendsTheSameThrowableInstanceOnlyOnce() {
        RuntimeException e = new RuntimeException("logged, rethrown, logged again");
        client.captureError(e);
        client.captureError(e);
        client.captureError(new RuntimeException("a different instance"));
        client.flush();
        assertEquals(2, stub.awaitBodies(IngestStub.ERRORS, 2).size());
    }

    @Test
    void terminatesCyclicCauseChainsAndThrowingAccessors() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        a.initCause(b);
        b.initCause(a);
        client.captureError(a);
        client.captureError(new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("hostile getMessage");
            }

            @Override
            public String toString() {
                throw new IllegalStateException("hostile toString");
            }
        });
        client.flush();
        List<String> bodies = stub.awaitBodies(IngestStub.ERRORS, 2);
        assertEquals(2, bodies.size());
        assertTrue(bodies.stream().anyMatch(x -> x.contains("CIRCULAR REFERENCE")), bodies.toString());
    }

    @Test
    void masksSecretKeysConnectionStringsAndSqlValues() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("password", "hunter2");
        meta.put("api_key", "abc");
        meta.put("accessToken", "tok");
        meta.put("Authorization", "Bearer x");
        meta.put("nested", Map.of("clientSecret", "s3"));
        meta.put("dsn", "jdbc:postgresql://db:5432/shop?user=app&password=pw");
        meta.put("query", "SELECT * FROM users WHERE email = 'bob@example.com' AND id = 42");
        client.captureError(new IllegalStateException("cannot connect to postgres://app:pw@db:5432/shop"),
                ErrorContext.builder().metadata(meta).build());
        client.captureLog("info", "login with password=hunter2 ok", Map.of("token", "t0k3n", "user", "bob"));
        client.flush();

        String error = stub.awaitBodies(IngestStub.ERRORS, 1).get(0);
        for (String secret : List.of("hunter2", "\"abc\"", "\"tok\"", "Bearer x", "s3", "pw@", "password=pw",
                "bob@example.com", "= 42")) {
            assertFalse(error.contains(secret), secret + " leaked: " + error);
        }
        assertTrue(error.contains("\"password\":\"[MASKED]\""), error);
        assertTrue(error.contains("\"dsn\":\"[MASKED]\""), error);
        assertTrue(error.contains("\"message\":\"cannot connect to [MASKED]\""), error);
        assertTrue(error.contains("WHERE email = ? AND id = ?"), error);
        String log = stub.awaitBodies(IngestStub.LOGS, 1).get(0);
        assertEquals("{\"level\":\"info\",\"message\":\"login with password=[MASKED] ok\","
                + "\"metadata\":{\"token\":\"[MASKED]\",\"user\":\"bob\"}}", reorderedLogMetadata(CaptureTime.strip(log)));
    }

    @Test
    void masksHeadersQuerySecretsAndWholeConnectionStringsInEveryBody() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("primaryKey", 7);
        meta.put("x-api-key", "sk-live-1");
        meta.put("refresh_token", "rt-2");
        meta.put("request", "GET /a?access_token=at-3&page=2 Authorization: Bearer eyJhbGciOi.jwt4");
        meta.put("ado", "Server=x;User Id=sa;Password=ado-5;");
        client.captureError(new IllegalStateException("cannot reach mongodb+srv://u:mongo-6@h/db"),
                ErrorContext.builder().metadata(meta).build());
        client.captureLog("warn", "retry redis://:redis-7@h:6379 with Cookie: sid=ck-8", Map.of("cacheKey", "c1"));
        client.flush();

        String error = stub.awaitBodies(IngestStub.ERRORS, 1).get(0);
        assertTrue(error.startsWith("{\"exceptionClass\":\"java.lang.IllegalStateException\","
                + "\"message\":\"cannot reach [MASKED]\",\"stackTrace\":["), error);
        assertTrue(error.endsWith(",\"metadata\":{\"primaryKey\":7,\"x-api-key\":\"[MASKED]\","
                + "\"refresh_token\":\"[MASKED]\","
                + "\"request\":\"GET /a?access_token=[FILTERED]&page=2 Authorization: [MASKED]\","
                + "\"ado\":\"[MASKED]\"}}"), error);
        assertEquals("{\"level\":\"warn\",\"message\":\"retry redis://[MASKED]@h:6379 with Cookie: [MASKED]\","
                + "\"metadata\":{\"cacheKey\":\"c1\"}}", CaptureTime.strip(stub.awaitBodies(IngestStub.LOGS, 1).get(0)));
        List<String> all = new ArrayList<>(stub.bodies(IngestStub.ERRORS));
        all.addAll(stub.bodies(IngestStub.LOGS));
        for (String body : all) {
            for (String secret : List.of("sk-live-1", "rt-2", "at-3", "jwt4", "eyJhbGciOi", "ado-5", "mongo-6",
                    "redis-7", "ck-8")) {
                assertFalse(body.contains(secret), secret + " leaked: " + body);
            }
        }
    }

    @Test
    void turnsHostileMetadataIntoValidBoundedJson() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        Map<Object, Object> meta = new HashMap<>();
        meta.put(null, "null key");
        meta.put(7, "number key");
        meta.put("cyclic", cyclic);
        meta.put("nan", Double.NaN);
        meta.put("inf", Double.POSITIVE_INFINITY);
        meta.put("hugeScale", new BigDecimal("1E-1000000000"));
        meta.put("bytes", new byte[] {1, 2, 3});
        meta.put("optional", Optional.of("present"));
        meta.put("date", LocalDate.of(2026, 3, 31));
        meta.put("throwsToString", new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        });
        meta.put("huge", "x".repeat(200_000));
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) (Map<?, ?>) meta;
        client.captureLog("info", "lone \uD800 surrogate, NUL \u0000 and control \u0007 chars", typed);
        client.flush();

        String body = stub.awaitBodies(IngestStub.LOGS, 1).get(0);
        assertTrue(body.length() < 20_000, "bounded: " + body.length());
        assertTrue(body.contains("\"null\":\"null key\"") && body.contains("\"7\":\"number key\""), body);
        assertTrue(body.contains("[cycle]") && body.contains("\"nan\":\"NaN\"") && body.contains("\"inf\":\"Infinity\""));
        assertTrue(body.contains("\"bytes\":\"[3 bytes]\"") && body.contains("\"optional\":\"present\""), body);
        assertTrue(body.contains("\"date\":\"2026-03-31\"") && body.contains("toString() threw"), body);
        assertTrue(body.contains("lone \uFFFD surrogate, NUL  and control \\u0007 chars"), body);
    }

    @Test
    void countsBlankLogMessagesAsLocalRejectionsAndSendsNothing() {
        client.captureLog("info", "   ", null);
        client.captureLog("info", null, null);
        client.flush();
        assertEquals(0, stub.count(IngestStub.LOGS));
        assertEquals(2, client.stats().logs().rejected());
        assertEquals(2, client.stats().logs().captured());
    }

    @Test
    void eachLogCarriesItsCaptureTimeSoOrderIsRecoverableAndTheCallersOwnTimestampWins() {
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        client.captureLog("info", "first", null);
        client.captureLog("info", "second", Map.of("timestamp", "2020-01-01T00:00:00.000Z"));
        client.flush();
        java.time.Instant after = java.time.Instant.now();

        List<String> logs = stub.awaitBodies(IngestStub.LOGS, 2);
        String first = logs.stream().filter(b -> b.contains("\"first\"")).findFirst().orElseThrow();
        java.time.Instant captured = java.time.Instant.parse(
                first.replaceAll(".*\"metadata\":\\{\"timestamp\":\"([^\"]+)\"}}$", "$1"));
        assertTrue(!captured.isBefore(before) && !captured.isAfter(after), captured + " not in [" + before + ", " + after + "]");
        assertTrue(logs.contains("{\"level\":\"info\",\"message\":\"second\",\"metadata\":"
                + "{\"timestamp\":\"2020-01-01T00:00:00.000Z\"}}"), logs.toString());
        stub.assertAllBodiesValid();
    }

    @Test
    void takesTraceIdServiceAndUserFromTheCurrentContext() {
        try (SeeStackContext.Scope scope = SeeStackContext.with("trace-9", "checkout", "u-9")) {
            client.captureLog("debug", "in a request", null);
            client.captureError(new RuntimeException("in a request"));
        }
        client.flush();
        assertEquals("{\"level\":\"debug\",\"message\":\"in a request\",\"service\":\"checkout\",\"traceId\":\"trace-9\"}",
                CaptureTime.strip(stub.awaitBodies(IngestStub.LOGS, 1).get(0)));
        String error = stub.awaitBodies(IngestStub.ERRORS, 1).get(0);
        assertTrue(error.contains("\"user\":{\"id\":\"u-9\"}") && error.contains("\"traceId\":\"trace-9\""), error);
    }

    private static String reorderedLogMetadata(String log) {
        return log.replace("{\"user\":\"bob\",\"token\":\"[MASKED]\"}", "{\"token\":\"[MASKED]\",\"user\":\"bob\"}");
    }
}
