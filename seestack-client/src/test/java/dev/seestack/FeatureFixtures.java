package dev.seestack;

import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.json.JsonReader;
import dev.seestack.testkit.IngestStub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared fixtures of the HTTP-monitoring, cron and flags tests: clients against an {@link IngestStub}, JSON access. */
public final class FeatureFixtures {
    public static final String PROJECT_ID = "7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b";
    public static final String FLAGS_TOKEN = "flags-token-1";

    private FeatureFixtures() {
    }

    /** A config for {@code stub}: projectId and flags token set, 200 ms flush interval, non-production. */
    public static SeeStackConfig.Builder config(IngestStub stub) {
        return SeeStackConfig.builder(name -> null)
                .apiKey(IngestStub.API_KEY)
                .host(stub.host())
                .environment("test")
                .serverName("") // the host name differs per machine: off for exact-JSON tests
                .flushIntervalMs(200)
                .projectId(PROJECT_ID)
                .flagsToken(FLAGS_TOKEN);
    }

    /** A client without shutdown hook whose warnings are collected into {@code warnings}. */
    public static SeeStackClient client(SeeStackConfig config, List<String> warnings) {
        return ClientAccess.create(config, components(warnings));
    }

    public static ClientComponents components(List<String> warnings) {
        return ClientComponents.defaults().shutdownHook(false).diagnosticSink((level, message) -> warnings.add(message));
    }

    public static List<String> warnings() {
        return new CopyOnWriteArrayList<>();
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String json) {
        return (Map<String, Object>) JsonReader.parse(json);
    }

    /** The {@code requests} items of an http-requests body. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(String body) {
        return (List<Map<String, Object>>) object(body).get("requests");
    }

    /** All items of all http-requests bodies {@code stub} received. */
    public static List<Map<String, Object>> allItems(IngestStub stub) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (String body : stub.bodies(IngestStub.HTTP_REQUESTS)) {
            all.addAll(items(body));
        }
        return all;
    }

    /** A JSON number or string field as text. */
    public static String text(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }
}
