package dev.seestack.log4j2;

import dev.seestack.testkit.IngestStub;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Log4j2 context of one test, for {@code @RegisterExtension} on an instance field declared after the class's
 * static {@link IngestStub}: clears the thread context around each test (SLF4J's MDC included, which
 * log4j-slf4j2-impl keeps there) and shuts the context down after the test and its {@code @AfterEach}. The
 * stub's own after-each check runs last, so it validates what the shutdown flushed.
 */
final class Log4jContexts implements BeforeEachCallback, AfterEachCallback {
    private final IngestStub stub;
    private final String startBeforeEach;
    private LoggerContext context;

    private Log4jContexts(IngestStub stub, String startBeforeEach) {
        this.stub = stub;
        this.startBeforeEach = startBeforeEach;
    }

    /** Starts Log4j2 from the classpath file {@code resource} before each test (after the stub's reset). */
    static Log4jContexts startedBeforeEach(IngestStub stub, String resource) {
        return new Log4jContexts(stub, resource);
    }

    /** Leaves starting Log4j2 to the test, through {@link #start(String)}. */
    static Log4jContexts startedByTest(IngestStub stub) {
        return new Log4jContexts(stub, null);
    }

    /** Points the configuration at the stub and starts Log4j2 with the classpath file {@code resource}. */
    LoggerContext start(String resource) {
        context = Log4jFixture.start(stub, resource);
        return context;
    }

    /** The running context. */
    LoggerContext context() {
        return context;
    }

    /** Shuts the running context down now, stopping its appenders, as the end of the test would. */
    void shutdown() {
        Log4jFixture.shutdown(context);
        context = null;
    }

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
        ThreadContext.clearMap();
        if (startBeforeEach != null) {
            start(startBeforeEach);
        }
    }

    @Override
    public void afterEach(ExtensionContext extensionContext) {
        ThreadContext.clearMap();
        shutdown();
    }
}
