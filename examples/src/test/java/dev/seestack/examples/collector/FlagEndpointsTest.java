package dev.seestack.examples.collector;

import static dev.seestack.examples.collector.CollectorHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.examples.collector.CollectorHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlagEndpointsTest {
    static final String PROJECT = "11111111-2222-4333-8444-555555555555";
    static final String TOKEN = CollectorOptions.DEFAULT_FLAGS_TOKEN;

    private static LocalCollector collector;
    private static CollectorHttp http;

    @BeforeAll
    static void startCollector() {
        collector = LocalCollector.start(IngestEndpointsTest.quiet().build());
        http = new CollectorHttp(collector);
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    @Test
    void evaluatesOneFlagInTheDeployedShapeInsideTheEnvelope() {
        Answer answer = http.get("/api/v1/flags/new-checkout/evaluate?projectId=" + PROJECT + "&userId=u-1", TOKEN);

        assertEquals(200, answer.status());
        assertEquals(json("{\"success\":true,\"data\":{\"flagKey\":\"new-checkout\",\"variant\":\"variant-b\","
                + "\"enabled\":true,\"reason\":\"STATIC\"}}"), answer.envelopeWithoutMeta());
    }

    @Test
    void evaluatesAllFlagsUnderFlagsKey() {
        String attributes = URLEncoder.encode("{\"plan\":\"pro\"}", StandardCharsets.UTF_8);
        Answer answer = http.get("/api/v1/flags/evaluate?projectId=" + PROJECT + "&userId=alice&attributes="
                + attributes, TOKEN);

        assertEquals(200, answer.status());
        assertEquals(json("{\"success\":true,\"data\":{\"flags\":{"
                + "\"new-checkout\":{\"flagKey\":\"new-checkout\",\"variant\":\"variant-b\",\"enabled\":true,"
                + "\"reason\":\"STATIC\"},"
                + "\"dark-mode\":{\"flagKey\":\"dark-mode\",\"variant\":\"false\",\"enabled\":false,"
                + "\"reason\":\"DISABLED\"},"
                + "\"beta-search\":{\"flagKey\":\"beta-search\",\"variant\":\"true\",\"enabled\":true,"
                + "\"reason\":\"USER_TARGETED\"}}}}"), answer.envelopeWithoutMeta());
    }

    @Test
    void turnsUserTargetedFlagOnOnlyForListedUsers() {
        Answer listed = http.get("/api/v1/flags/beta-search/evaluate?projectId=" + PROJECT + "&userId=bob", TOKEN);
        Answer other = http.get("/api/v1/flags/beta-search/evaluate?projectId=" + PROJECT + "&userId=carol", TOKEN);

        assertEquals("true", listed.json().path("data").path("variant").asString());
        assertEquals(true, listed.json().path("data").path("enabled").asBoolean());
        assertEquals(json("{\"flagKey\":\"beta-search\",\"variant\":\"false\",\"enabled\":false,\"reason\":\"DEFAULT\"}"),
                other.json().path("data"));
    }

    @Test
    void rejectsMissingOrWrongBearerTokenOnBothEndpoints() {
        String expected = "{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED\","
                + "\"message\":\"Missing or invalid bearer token\"}}";
        for (String path : new String[] {"/api/v1/flags/evaluate", "/api/v1/flags/new-checkout/evaluate"}) {
            for (String token : new String[] {"wrong-token", null}) {
                Answer answer = http.get(path + "?projectId=" + PROJECT, token);

                assertEquals(401, answer.status(), path + " with token " + token);
                assertEquals(json(expected), answer.envelopeWithoutMeta(), path);
            }
        }
        Answer ingestKeyInstead = http.get("/api/v1/flags/evaluate?projectId=" + PROJECT,
                CollectorOptions.DEFAULT_API_KEY);
        assertEquals(401, ingestKeyInstead.status());
    }

    @Test
    void answersUnknownFlagWith404() {
        Answer answer = http.get("/api/v1/flags/no-such-flag/evaluate?projectId=" + PROJECT, TOKEN);

        assertEquals(404, answer.status());
        assertEquals(json("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\","
                + "\"message\":\"Flag not found: no-such-flag\"}}"), answer.envelopeWithoutMeta());
    }

    @Test
    void rejectsMissingProjectIdAndNonObjectAttributesWith422() {
        Answer answer = http.get("/api/v1/flags/evaluate?attributes=%5B1%5D", TOKEN);

        assertEquals(422, answer.status());
        assertEquals(json("{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Validation failed\","
                + "\"details\":{\"projectId\":\"must be a UUID\","
                + "\"attributes\":\"must be a URL-encoded JSON object\"}}}"), answer.envelopeWithoutMeta());
    }
}
