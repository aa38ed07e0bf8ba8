package dev.seestack.flags;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.seestack.FeatureFixtures;
import dev.seestack.SeeStackConfig;
import dev.seestack.StubbedClient;
import dev.seestack.internal.transport.HttpEngine;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.flags.FlagEvaluator;
import dev.seestack.internal.flags.FlagSource;
import dev.seestack.testkit.IngestStub;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Feature-flag lookups against a WireMock management API. */
class FeatureFlagsTest {
    private static final String SINGLE = "/api/v1/flags/new-checkout/evaluate";
    private static final String ALL = "/api/v1/flags/evaluate";
    private static final String DOCUMENTED_SINGLE = "{\"success\":true,\"data\":{\"key\":\"new-checkout\",\"enabled\":true,"
            + "\"value\":\"variant-b\",\"ruleApplied\":\"beta-users\"},\"meta\":{\"requestId\":\"r1\"}}";
    private static final String DEPLOYED_SINGLE = "{\"success\":true,\"data\":{\"flagKey\":\"new-checkout\","
            + "\"variant\":\"variant-c\",\"enabled\":true,\"reason\":\"PERCENTAGE_ROLLOUT\"}}";

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);
    private final AtomicLong clockMs = new AtomicLong(1_000_000);
    /** The HTTP client of evaluators built by hand; closed after each test like a client's own. */
    private final HttpEngine http = new HttpEngine();

    @AfterEach
    void closeHttp() {
        http.close();
    }

    @Test
    void readsTheDocumentedSingleFlagShape() {
        answer(SINGLE, 200, DOCUMENTED_SINGLE);

        FlagResult result = sdk.client().getFlag("new-checkout", "user-1", Map.of("plan", "pro"));

        assertEquals(FlagResult.of(true, "variant-b"), result);
    }

    @Test
    void readsTheDeployedSingleFlagShape() {
        answer(SINGLE, 200, DEPLOYED_SINGLE);

        assertEquals(FlagResult.of(true, "variant-c"), sdk.client().getFlag("new-checkout", "user-1", null));
    }

    @Test
    void readsAllFlagsInTheDocumentedMapShape() {
        answer(ALL, 200, "{\"success\":true,\"data\":{\"flags\":{\"new-checkout\":{\"enabled\":true,\"value\":\"variant-b\"},"
                + "\"max-items\":{\"enabled\":true,\"value\":42},\"dark-mode\":{\"enabled\":false,\"value\":\"false\"}}}}");

        Map<String, FlagResult> flags = sdk.client().getAllFlags("user-1", null);

        assertEquals(FlagResult.of(true, "variant-b"), flags.get("new-checkout"));
        assertEquals(42, flags.get("max-items").asInt(0));
        assertEquals(FlagResult.of(false, "false"), flags.get("dark-mode"));
        assertEquals(3, flags.size());
    }

    @Test
    void readsAllFlagsInTheDeployedMapShape() {
        answer(ALL, 200, "{\"success\":true,\"data\":{\"flags\":{\"new-checkout\":{\"flagKey\":\"new-checkout\","
                + "\"variant\":\"variant-c\",\"enabled\":true,\"reason\":\"RULE_MATCH\"},\"dark-mode\":{\"flagKey\":"
                + "\"dark-mode\",\"variant\":\"off\",\"enabled\":false,\"reason\":\"DEFAULT\"}}}}");

        Map<String, FlagResult> flags = sdk.client().getAllFlags("user-1", null);

        assertEquals(FlagResult.of(true, "variant-c"), flags.get("new-checkout"));
        assertEquals(FlagResult.of(false, "off"), flags.get("dark-mode"));
    }

    @Test
    void readsAllFlagsInTheDeployedListShape() {
        answer(ALL, 200, "{\"success\":true,\"data\":{\"flags\":[{\"flagKey\":\"new-checkout\",\"variant\":\"variant-c\","
                + "\"enabled\":true,\"reason\":\"RULE_MATCH\"},{\"key\":\"beta\",\"enabled\":true,\"value\":\"true\"}]}}");

        Map<String, FlagResult> flags = sdk.client().getAllFlags("user-1", null);

        assertEquals(FlagResult.of(true, "variant-c"), flags.get("new-checkout"));
        assertTrue(flags.get("beta").asBoolean());
        assertEquals(2, flags.size());
    }

    @Test
    void sendsTheBearerTokenAndQueryButNeverTheIngestKey() {
        answer(SINGLE, 200, DOCUMENTED_SINGLE);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("plan", "pro");
        attributes.put("country", "DE");

        sdk.client().getFlag("new-checkout", "user 1", attributes);

        LoggedRequest request = stub.server().findAll(getRequestedFor(urlPathEqualTo(SINGLE))).get(0);
        assertEquals("Bearer " + FeatureFixtures.FLAGS_TOKEN, request.getHeader("Authorization"));
        assertFalse(request.containsHeader("X-SeeStack-Key"));
        assertFalse(request.getAbsoluteUrl().contains(IngestStub.API_KEY));
        assertEquals(FeatureFixtures.PROJECT_ID, request.queryParameter("projectId").firstValue());
        assertEquals("user 1", request.queryParameter("userId").firstValue());
        assertEquals("{\"country\":\"DE\",\"plan\":\"pro\"}", request.queryParameter("attributes").firstValue());
    }

    @Test
    void aLookupWithoutAUserSendsAnEmptyUserIdBecauseTheBackendRequiresIt() {
        answer(SINGLE, 200, DOCUMENTED_SINGLE);

        assertEquals(FlagResult.of(true, "variant-b"), sdk.client().getFlag("new-checkout", null, null));

        LoggedRequest request = stub.server().findAll(getRequestedFor(urlPathEqualTo(SINGLE))).get(0);
        assertTrue(request.getUrl().contains("&userId=&"), request.getUrl());
    }

    @Test
    void plainHttpInProductionSendsNoFlagLookupSoTheTokenNeverTravelsInClearText() {
        answer(SINGLE, 200, DOCUMENTED_SINGLE);
        SeeStackConfig refused = FeatureFixtures.config(stub).host("http://flags.example.com").environment("Prod").build();
        // the source points at the stub: a lookup that ignored the refusal would reach it
        FlagEvaluator flags = new FlagEvaluator(refused, new Diagnostics(false, (l, m) -> sdk.warnings().add(m)),
                new FlagSource(stub.host(), refused.flagsToken(), http), clockMs::get);

        assertEquals(FlagResult.of(false, "off"), flags.get("new-checkout", "user-1", null, FlagResult.of(false, "off")));
        assertTrue(flags.getAll("user-1", null, null).isEmpty());
        assertEquals(0, stub.server().findAll(getRequestedFor(urlPathMatching("/api/.*"))).size());
    }

    @Test
    void aCachedResultWithinTheTtlMakesNoRequest() {
        answer(SINGLE, 200, DOCUMENTED_SINGLE);
        FlagEvaluator flags = evaluator(FeatureFixtures.config(stub).flagCacheTtlMs(60_000).build());

        flags.get("new-checkout", "user-1", null, null);
        clockMs.addAndGet(59_999);
        FlagResult cached = flags.get("new-checkout", "user-1", null, null);

        assertEquals(FlagResult.of(true, "variant-b"), cached);
        assertEquals(1, requests(SINGLE));
        clockMs.addAndGet(1);
        flags.get("new-checkout", "user-1", null, null);
        assertEquals(2, requests(SINGLE), "an expired entry is fetched again");
        flags.get("new-checkout", "user-2", null, null);
        assertEquals(3, requests(SINGLE), "another user is another cache entry");
    }

    @Test
    void aServerErrorAnswersWithTheStaleCachedValue() {
        answer(SINGLE, 200, DOCUMENTED_SINGLE);
        FlagEvaluator flags = evaluator(FeatureFixtures.config(stub).build());
        flags.get("new-checkout", "user-1", null, null);

        answer(SINGLE, 500, "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}}");
        clockMs.addAndGet(120_000);
        FlagResult stale = flags.get("new-checkout", "user-1", null, FlagResult.of(false, "default"));

        assertEquals(FlagResult.of(true, "variant-b"), stale);
        assertEquals(2, requests(SINGLE));
    }

    @Test
    void aFailedFirstLookupAnswersTheCallersDefault() {
        answer(SINGLE, 500, "{}");

        assertEquals(FlagResult.of(true, "fallback"),
                sdk.client().getFlag("new-checkout", "user-1", null, FlagResult.of(true, "fallback")));
        FlagResult withoutDefault = sdk.client().getFlag("new-checkout", "user-1", null);
        assertFalse(withoutDefault.enabled());
        assertNull(withoutDefault.value());
        assertTrue(sdk.client().getAllFlags("user-1", null).isEmpty());
    }

    @Test
    @Timeout(60)
    void concurrentMissesForTheSameFlagMakeOneRequest() throws Exception {
        stub.stub(get(urlPathEqualTo(SINGLE)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody(DOCUMENTED_SINGLE)));
        FlagEvaluator flags = evaluator(FeatureFixtures.config(stub).build());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<FlagResult>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return flags.get("new-checkout", "user-1", Map.of("plan", "pro"), null);
                }));
            }
            go.countDown();
            for (Future<FlagResult> f : results) {
                assertEquals(FlagResult.of(true, "variant-b"), f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, requests(SINGLE));
    }

    @Test
    void withoutAFlagsTokenLookupsAnswerTheDefaultWithOneWarning() {
        sdk.replace(FeatureFixtures.config(stub).flagsToken(null).build());

        assertEquals(FlagResult.of(true, "d"),
                sdk.client().getFlag("new-checkout", "u", null, FlagResult.of(true, "d")));
        assertFalse(sdk.client().getFlag("new-checkout", "u", null).enabled());

        assertEquals(0, stub.server().findAll(getRequestedFor(urlPathMatching("/api/.*"))).size());
        assertEquals(1, sdk.warnings().stream().filter(w -> w.contains("flagsToken")).count(),
                sdk.warnings().toString());
        assertTrue(sdk.warnings().stream().noneMatch(w -> w.contains(IngestStub.API_KEY)));
    }

    private FlagEvaluator evaluator(SeeStackConfig config) {
        return new FlagEvaluator(config, new Diagnostics(false, (level, message) -> sdk.warnings().add(message)),
                new FlagSource(config.host(), config.flagsToken(), http), clockMs::get);
    }

    @Test
    @Timeout(30)
    void closingTheClientEndsAFlagLookupWaitingOnTheNetworkWithItsFallback() throws Exception {
        stub.stub(get(urlPathEqualTo(SINGLE)).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)
                .withHeader("Content-Type", "application/json").withBody(DOCUMENTED_SINGLE)));
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<FlagResult> lookup = caller.submit(() -> sdk.client().getFlag("new-checkout", "user-1", null));
            dev.seestack.testkit.PollUntil.await("the lookup reached the server", () -> requests(SINGLE) == 1);

            sdk.client().close();

            // the shared HTTP client fails the waiting lookup at close, long before its 5 s request timeout
            assertEquals(FlagResult.disabled(), lookup.get(FlagSource.REQUEST_TIMEOUT.toMillis() / 2, TimeUnit.MILLISECONDS));
        } finally {
            caller.shutdownNow();
        }
    }

    private void answer(String path, int status, String body) {
        stub.stub(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private int requests(String path) {
        return stub.server().findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }
}
