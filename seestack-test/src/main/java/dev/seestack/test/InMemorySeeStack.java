package dev.seestack.test;

import dev.seestack.SeeStack;
import dev.seestack.internal.json.JsonReader;
import dev.seestack.test.internal.FlagTable;
import dev.seestack.test.internal.SentBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What SeeStack would have sent from this test JVM. With {@code dev.seestack:seestack-test} on the test class path,
 * every client started without explicit components (the {@code SeeStack} facade, the Logback/Log4j2/JUL appenders,
 * the Spring Boot starter) delivers here instead of the network; the bodies are the real encoder's output, masking
 * included. Readers flush the facade's client first, so what was captured before the call is there. Feature flags
 * are answered from {@link #setFlag}. Use {@link SeeStackExtension} to reset it per test.
 */
public final class InMemorySeeStack {
    /** The ingest paths, to read raw bodies with {@link #bodies(String)}. */
    public static final String ERRORS = "/ingest/v1/errors";
    public static final String LOGS = "/ingest/v1/logs";
    public static final String HTTP_REQUESTS = "/ingest/v1/http-requests";
    public static final String HEARTBEAT = "/ingest/v1/heartbeat";

    private static final InMemorySeeStack INSTANCE = new InMemorySeeStack();

    private InMemorySeeStack() {
    }

    /** The in-memory SeeStack of this JVM. */
    public static InMemorySeeStack get() {
        return INSTANCE;
    }

    /** The errors sent, in order. */
    public List<CapturedError> errors() {
        return typed(ERRORS, CapturedError::new);
    }

    /** The logs sent, in order. */
    public List<CapturedLog> logs() {
        return typed(LOGS, CapturedLog::new);
    }

    /** The HTTP items sent, in order, taken out of their batches. */
    public List<CapturedHttpRequest> httpRequests() {
        List<CapturedHttpRequest> items = new ArrayList<>();
        for (String batch : bodies(HTTP_REQUESTS)) {
            Object requests = Captured.plainObject(JsonReader.parse(batch)).get("requests");
            if (requests instanceof List) {
                for (Object item : (List<?>) requests) {
                    items.add(new CapturedHttpRequest(Captured.plainObject(item)));
                }
            }
        }
        return items;
    }

    /** The cron heartbeats sent, in order. */
    public List<CapturedHeartbeat> heartbeats() {
        return typed(HEARTBEAT, CapturedHeartbeat::new);
    }

    /**
     * The JSON bodies sent to an ingest path ({@link #ERRORS}, {@link #LOGS}, {@link #HTTP_REQUESTS} — a batch per
     * body — or {@link #HEARTBEAT}), exactly as they would have gone over the wire.
     */
    public List<String> bodies(String path) {
        flush();
        return SentBodies.INSTANCE.bodies(path);
    }

    /** Answers flag {@code key} as enabled with {@code value} (the backend's reason: {@code FORCE_OVERRIDE}). */
    public InMemorySeeStack setFlag(String key, String value) {
        return setFlag(key, true, value);
    }

    /** Answers flag {@code key} with {@code enabled} and {@code value}; unknown keys answer 404 (not found). */
    public InMemorySeeStack setFlag(String key, boolean enabled, String value) {
        FlagTable.INSTANCE.put(key, enabled, value, enabled ? "FORCE_OVERRIDE" : "DISABLED");
        return this;
    }

    /** Sends what the facade's client has buffered (at most 5 s); returns whether everything was handed over. */
    public boolean flush() {
        return SeeStack.flush();
    }

    /** Forgets what was sent and the flags set; what was still buffered is flushed and forgotten too. */
    public void reset() {
        flush();
        SentBodies.INSTANCE.clear();
        FlagTable.INSTANCE.clear();
    }

    private <T> List<T> typed(String path, Function<String, T> view) {
        return bodies(path).stream().map(view).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "InMemorySeeStack" + Map.of("errors", SentBodies.INSTANCE.bodies(ERRORS).size(), "logs",
                SentBodies.INSTANCE.bodies(LOGS).size(), "heartbeats", SentBodies.INSTANCE.bodies(HEARTBEAT).size());
    }
}
