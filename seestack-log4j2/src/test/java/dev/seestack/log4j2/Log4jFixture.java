package dev.seestack.log4j2;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.testkit.CaptureTime;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/** Starts Log4j2 from a real configuration file against an {@link IngestStub}, and reads what the stub got. */
final class Log4jFixture {
    static final String HOST_PROPERTY = "seestack.host";

    private Log4jFixture() {
    }

    /** Points {@code ${sys:seestack.host}} at the stub and starts Log4j2 with the classpath file {@code resource}. */
    static LoggerContext start(IngestStub stub, String resource) {
        System.setProperty(HOST_PROPERTY, stub.host());
        return Configurator.initialize("seestack-test", "classpath:" + resource);
    }

    /** Flushes the running client so everything logged so far has been answered by the stub. */
    static void flush() {
        SeeStackClient client = ClientRegistry.current();
        if (client != null) {
            client.flush(Duration.ofSeconds(10));
        }
    }

    static Map<String, Object> parse(String body) {
        return Json.object(body);
    }

    static List<Map<String, Object>> parseAll(List<String> bodies) {
        return bodies.stream().map(Log4jFixture::parse).collect(Collectors.toList());
    }

    /** The {@code metadata} object of a parsed body. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> metadataOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("metadata");
    }

    /** The one body received on {@code path}, parsed; fails when there is not exactly one. */
    static Map<String, Object> single(IngestStub stub, String path) {
        List<String> bodies = stub.awaitBodies(path, 1);
        flush();
        bodies = stub.bodies(path);
        if (bodies.size() != 1) {
            throw new AssertionError("expected one body on " + path + " but got " + bodies);
        }
        return parse(IngestStub.LOGS.equals(path) ? CaptureTime.strip(bodies.get(0)) : bodies.get(0));
    }

    /**
     * The metadata shipped for an event of {@code logger} logged on this thread: logger, thread, then
     * {@code entries} as key, value, key, value….
     */
    static Map<String, Object> metadataOnThisThread(String logger, String... entries) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("logger", logger);
        metadata.put("thread", Thread.currentThread().getName());
        for (int i = 0; i < entries.length; i += 2) {
            metadata.put(entries[i], entries[i + 1]);
        }
        return metadata;
    }

    static void shutdown(LoggerContext ctx) {
        if (ctx != null) {
            Configurator.shutdown(ctx);
        }
    }
}
