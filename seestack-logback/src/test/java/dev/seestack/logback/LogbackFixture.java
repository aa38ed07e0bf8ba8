package dev.seestack.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.seestack.SeeStack;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.JoranFile;
import dev.seestack.testkit.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;

/** A Logback context configured from a real XML file in {@code src/test/resources}, pointed at an {@link IngestStub}. */
final class LogbackFixture implements AutoCloseable {
    private final LoggerContext context;
    private final Map<String, String> properties;

    private LogbackFixture(LoggerContext context, Map<String, String> properties) {
        this.context = context;
        this.properties = properties;
    }

    /** A fresh context configured from {@code resource}, with {@code seestack.host}/{@code seestack.apiKey} set. */
    static LogbackFixture load(String resource, IngestStub stub) {
        LoggerContext context = new LoggerContext();
        context.setName(resource);
        // share the MDC that org.slf4j.MDC writes to, as the context SLF4J binds to does
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        return load(context, resource, stub);
    }

    /** Resets {@code context} and configures it from {@code resource}. */
    static LogbackFixture load(LoggerContext context, String resource, IngestStub stub) {
        LogbackFixture fixture = new LogbackFixture(context,
                Map.of("seestack.host", stub.host(), "seestack.apiKey", IngestStub.API_KEY));
        fixture.reconfigure(resource);
        return fixture;
    }

    /** What Logback's reconfiguration does: reset (stopping every appender), then configure from the file. */
    void reconfigure(String resource) {
        JoranFile.configure(context, resource, properties);
    }

    LoggerContext context() {
        return context;
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** The appender named {@code SEESTACK}, wherever it is attached. */
    SeeStackAppender seeStackAppender() {
        return (SeeStackAppender) context.getLoggerList().stream()
                .map(l -> l.getAppender("SEESTACK"))
                .filter(a -> a != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no appender SEESTACK attached"));
    }

    /** Messages of the ERROR statuses Logback recorded for this context. */
    List<String> statusWarnings() {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.WARN)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    List<String> statusErrors() {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    /** Sends everything the SDK buffered. */
    static void flush() {
        if (!SeeStack.flush(Duration.ofSeconds(10))) {
            throw new AssertionError("flush did not finish within 10 s");
        }
    }

    static JsonNode json(String body) {
        return Json.tree(body);
    }

    static List<JsonNode> json(List<String> bodies) {
        return Json.trees(bodies);
    }

    /** Stops the context: every appender stops, the SDK flushes and releases its client. */
    @Override
    public void close() {
        context.stop();
    }
}
