package dev.seestack.openfeature;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider through the real OpenFeature API against a stub of the flags API serving both answer shapes. */
class SeeStackFeatureProviderTest {
    private static final String PROJECT = "5f0c6a5e-1111-4222-8333-444455556666";
    private static final String TOKEN = "flags-token-1";
    private static final AtomicInteger DOMAINS = new AtomicInteger();

    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private SeeStackClient seeStack;

    /**
     * One request before the first test: a cold stub on a loaded machine can take longer than the SDK's 5 s request
     * timeout for its first answer, which would turn the first test's flag into GENERAL.
     */
    @BeforeAll
    static void warmUpTheStub() throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stub.host() + "/warm-up")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @AfterEach
    void closeClient() {
        if (seeStack != null) {
            seeStack.close();
        }
    }

    @Test
    void booleanFromTheDeployedShapeIsASplitWithTheBackendReasonInTheMetadata() {
        answer("new-checkout", deployed("new-checkout", "true", true, "PERCENTAGE_ROLLOUT"));

        FlagEvaluationDetails<Boolean> d = client().getBooleanDetails("new-checkout", false, new ImmutableContext("u-1"));

        assertEquals(true, d.getValue());
        assertEquals(Reason.SPLIT.name(), d.getReason());
        assertEquals("true", d.getVariant());
        assertNull(d.getErrorCode());
        assertEquals("PERCENTAGE_ROLLOUT", d.getFlagMetadata().getString(SeeStackFeatureProvider.METADATA_REASON));
        assertEquals(true, d.getFlagMetadata().getBoolean(SeeStackFeatureProvider.METADATA_ENABLED));
    }

    @Test
    void stringFromTheDocumentedShapeIsATargetingMatchWithTheAppliedRuleInTheMetadata() {
        answer("checkout-copy", "{\"success\":true,\"data\":{\"key\":\"checkout-copy\",\"enabled\":true,"
                + "\"value\":\"variant-b\",\"ruleApplied\":\"beta-users\"},\"meta\":{\"requestId\":\"r1\"}}");

        FlagEvaluationDetails<String> d = client().getStringDetails("checkout-copy", "control", new ImmutableContext("u-1"));

        assertEquals("variant-b", d.getValue());
        assertEquals(Reason.TARGETING_MATCH.name(), d.getReason());
        assertEquals("beta-users", d.getFlagMetadata().getString(SeeStackFeatureProvider.METADATA_REASON));
    }

    @Test
    void readsIntegersLongsDoublesAndJsonObjects() {
        answer("max-items", deployed("max-items", "42", true, "FORCE_OVERRIDE"));
        answer("big", deployed("big", "9000000000", true, "DEFAULT"));
        answer("ratio", deployed("ratio", "0.25", true, "ATTRIBUTE_RULE"));
        answer("layout", "{\"success\":true,\"data\":{\"key\":\"layout\",\"enabled\":true,"
                + "\"value\":\"{\\\"columns\\\":3,\\\"theme\\\":\\\"dark\\\",\\\"tags\\\":[\\\"a\\\",true]}\"}}");
        Client client = client();
        ImmutableContext ctx = new ImmutableContext("u-1");

        FlagEvaluationDetails<Integer> i = client.getIntegerDetails("max-items", 1, ctx);
        FlagEvaluationDetails<Double> d = client.getDoubleDetails("ratio", 1.0, ctx);
        FlagEvaluationDetails<Value> o = client.getObjectDetails("layout", new Value(), ctx);

        assertEquals(42, i.getValue());
        assertEquals(Reason.TARGETING_MATCH.name(), i.getReason());
        assertEquals(9_000_000_000L, client.getLongValue("big", 0L, ctx));
        assertEquals(0.25, d.getValue());
        assertEquals(Reason.TARGETING_MATCH.name(), d.getReason());
        Map<String, Object> layout = o.getValue().asStructure().asObjectMap();
        assertEquals(Map.of("columns", 3, "theme", "dark", "tags", List.of("a", true)), layout);
        assertEquals(Reason.UNKNOWN.name(), o.getReason(), "no reason in the answer");
    }

    @Test
    void theDefaultRuleIsDefaultAndADisabledFlagAnswersTheCallersDefault() {
        answer("rollout", deployed("rollout", "7", true, "DEFAULT"));
        answer("dark-mode", deployed("dark-mode", "true", false, "DISABLED"));
        Client client = client();

        FlagEvaluationDetails<Integer> def = client.getIntegerDetails("rollout", 1, new ImmutableContext("u-1"));
        FlagEvaluationDetails<Boolean> off = client.getBooleanDetails("dark-mode", false, new ImmutableContext("u-1"));

        assertEquals(7, def.getValue());
        assertEquals(Reason.DEFAULT.name(), def.getReason());
        assertEquals(false, off.getValue());
        assertEquals(Reason.DISABLED.name(), off.getReason());
        assertNull(off.getErrorCode());
        assertEquals(false, off.getFlagMetadata().getBoolean(SeeStackFeatureProvider.METADATA_ENABLED));
    }

    @Test
    void aValueOfAnotherTypeIsATypeMismatchAnsweringTheDefault() {
        answer("copy", deployed("copy", "variant-b", true, "PERCENTAGE_ROLLOUT"));
        Client client = client();

        FlagEvaluationDetails<Integer> n = client.getIntegerDetails("copy", 5, new ImmutableContext("u-1"));
        FlagEvaluationDetails<Boolean> b = client.getBooleanDetails("copy", true, new ImmutableContext("u-1"));
        FlagEvaluationDetails<Value> o = client.getObjectDetails("copy", new Value("fallback"), new ImmutableContext("u-1"));

        assertEquals(5, n.getValue());
        assertEquals(ErrorCode.TYPE_MISMATCH, n.getErrorCode());
        assertEquals(Reason.ERROR.name(), n.getReason());
        assertEquals(true, b.getValue());
        assertEquals(ErrorCode.TYPE_MISMATCH, b.getErrorCode());
        assertEquals("fallback", o.getValue().asString());
        assertEquals(ErrorCode.TYPE_MISMATCH, o.getErrorCode());
    }

    @Test
    void aSecondEvaluationIsAnsweredFromTheCacheWithoutARequest() {
        answer("new-checkout", deployed("new-checkout", "true", true, "PERCENTAGE_ROLLOUT"));
        Client client = client();

        client.getBooleanDetails("new-checkout", false, new ImmutableContext("u-1"));
        FlagEvaluationDetails<Boolean> again = client.getBooleanDetails("new-checkout", false, new ImmutableContext("u-1"));

        assertEquals(true, again.getValue());
        assertEquals(Reason.CACHED.name(), again.getReason());
        assertEquals("PERCENTAGE_ROLLOUT", again.getFlagMetadata().getString(SeeStackFeatureProvider.METADATA_REASON));
        assertEquals(1, flagRequests("new-checkout").size());
    }

    @Test
    void aFailedRefreshAnswersTheLastValueAsStale() {
        answer("new-checkout", deployed("new-checkout", "true", true, "PERCENTAGE_ROLLOUT"));
        Client client = client(config().flagCacheTtlMs(0));
        assertEquals(Reason.SPLIT.name(), client.getBooleanDetails("new-checkout", false, new ImmutableContext("u-1"))
                .getReason());

        stub.stub(get(urlPathEqualTo("/api/v1/flags/new-checkout/evaluate")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        FlagEvaluationDetails<Boolean> stale = client.getBooleanDetails("new-checkout", false, new ImmutableContext("u-1"));

        assertEquals(true, stale.getValue());
        assertEquals("STALE", stale.getReason());
        assertNull(stale.getErrorCode());
        assertEquals(2, flagRequests("new-checkout").size());
    }

    @Test
    void anUnknownFlagIsFlagNotFoundWithTheDefault() {
        stub.stub(get(urlPathEqualTo("/api/v1/flags/nope/evaluate")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Flag not found\"}}")));

        FlagEvaluationDetails<String> d = client().getStringDetails("nope", "control", new ImmutableContext("u-1"));

        assertEquals("control", d.getValue());
        assertEquals(ErrorCode.FLAG_NOT_FOUND, d.getErrorCode());
        assertEquals(Reason.ERROR.name(), d.getReason());
    }

    @Test
    void aNetworkFailureWithoutACachedValueIsGeneralWithTheDefault() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Client client = client(config().host("http://127.0.0.1:" + closedPort));

        FlagEvaluationDetails<Boolean> d = client.getBooleanDetails("new-checkout", true, new ImmutableContext("u-1"));

        assertEquals(true, d.getValue());
        assertEquals(ErrorCode.GENERAL, d.getErrorCode());
        assertEquals(Reason.ERROR.name(), d.getReason());
    }

    @Test
    void anUnreadableAnswerIsGeneralWithTheDefault() {
        answer("new-checkout", "<html>gateway</html>");

        FlagEvaluationDetails<Integer> d = client().getIntegerDetails("new-checkout", 3, new ImmutableContext("u-1"));

        assertEquals(3, d.getValue());
        assertEquals(ErrorCode.GENERAL, d.getErrorCode());
    }

    @Test
    void withoutAFlagsTokenTheProviderIsNotReadyNamingTheOption() {
        seeStack = SeeStackClient.create(SeeStackConfig.builder().apiKey(IngestStub.API_KEY).host(stub.host())
                .projectId(PROJECT).shutdownHook(false).build());
        Client client = client(seeStack);

        FlagEvaluationDetails<Boolean> d = client.getBooleanDetails("new-checkout", true, new ImmutableContext("u-1"));

        assertEquals(true, d.getValue());
        assertEquals(ErrorCode.PROVIDER_NOT_READY, d.getErrorCode());
        assertTrue(d.getErrorMessage().contains("'flagsToken'"), d.getErrorMessage());
        assertEquals(ProviderState.READY, client.getProviderState(), "setting the provider never fails");
        assertEquals(0, stub.server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/flags/new-checkout/evaluate")))
                .size());
    }

    @Test
    void withoutAProjectIdTheProviderIsNotReadyNamingTheOption() {
        seeStack = SeeStackClient.create(SeeStackConfig.builder().apiKey(IngestStub.API_KEY).host(stub.host())
                .flagsToken(TOKEN).shutdownHook(false).build());
        Client client = client(seeStack);

        FlagEvaluationDetails<String> d = client.getStringDetails("new-checkout", "control", new ImmutableContext("u-1"));

        assertEquals("control", d.getValue());
        assertEquals(ErrorCode.PROVIDER_NOT_READY, d.getErrorCode());
        assertTrue(d.getErrorMessage().contains("'projectId'"), d.getErrorMessage());
    }

    @Test
    void theFacadeProviderBeforeInitIsNotReady() {
        String domain = "seestack-" + DOMAINS.incrementAndGet();
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, new SeeStackFeatureProvider());
        Client client = OpenFeatureAPI.getInstance().getClient(domain);

        FlagEvaluationDetails<Boolean> d = client.getBooleanDetails("new-checkout", false, new ImmutableContext("u-1"));

        assertEquals(false, d.getValue());
        assertEquals(ErrorCode.PROVIDER_NOT_READY, d.getErrorCode());
        assertTrue(d.getErrorMessage().contains("SeeStack.init"), d.getErrorMessage());
    }

    @Test
    void sendsTheTargetingKeyAsUserIdAndTheOtherAttributesAsJson() {
        answer("new-checkout", deployed("new-checkout", "true", true, "ATTRIBUTE_RULE"));
        MutableContext ctx = new MutableContext("user-42");
        ctx.add("plan", "pro");
        ctx.add("seats", 12);

        client().getBooleanValue("new-checkout", false, ctx);

        LoggedRequest request = flagRequests("new-checkout").get(0);
        assertEquals("user-42", request.queryParameter("userId").firstValue());
        assertEquals(PROJECT, request.queryParameter("projectId").firstValue());
        assertEquals(Map.of("plan", "pro", "seats", 12), Json.object(request.queryParameter("attributes").firstValue()));
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
    }

    @Test
    void withoutATargetingKeyTheUserIdIsSentEmpty() {
        answer("new-checkout", deployed("new-checkout", "true", true, "DEFAULT"));

        client().getBooleanValue("new-checkout", false, new ImmutableContext());

        LoggedRequest request = flagRequests("new-checkout").get(0);
        assertEquals("", request.queryParameter("userId").firstValue());
        assertEquals(Map.of(), Json.object(request.queryParameter("attributes").firstValue()));
    }

    private static String deployed(String key, String variant, boolean enabled, String reason) {
        return "{\"success\":true,\"data\":{\"flagKey\":\"" + key + "\",\"variant\":\"" + variant + "\",\"enabled\":"
                + enabled + ",\"reason\":\"" + reason + "\"},\"meta\":{\"requestId\":\"" + UUID.randomUUID() + "\"}}";
    }

    private static void answer(String key, String body) {
        stub.stub(get(urlPathEqualTo("/api/v1/flags/" + key + "/evaluate")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static List<LoggedRequest> flagRequests(String key) {
        return stub.server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/flags/" + key + "/evaluate")));
    }

    private static SeeStackConfig.Builder config() {
        return SeeStackConfig.builder().apiKey(IngestStub.API_KEY).host(stub.host()).projectId(PROJECT)
                .flagsToken(TOKEN).shutdownHook(false);
    }

    private Client client() {
        return client(config());
    }

    private Client client(SeeStackConfig.Builder config) {
        seeStack = SeeStackClient.create(config.build());
        return client(seeStack);
    }

    /** An OpenFeature client of its own domain, bound to a provider over {@code client}, initialised. */
    private static Client client(SeeStackClient client) {
        String domain = "seestack-" + DOMAINS.incrementAndGet();
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, new SeeStackFeatureProvider(client));
        return OpenFeatureAPI.getInstance().getClient(domain);
    }
}
