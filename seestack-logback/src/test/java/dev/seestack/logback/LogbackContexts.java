package dev.seestack.logback;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.seestack.SeeStack;
import dev.seestack.testkit.IngestStub;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.MDC;

/**
 * The Logback contexts one test loads, for {@code @RegisterExtension} on an instance field declared after the
 * class's static {@link IngestStub}: clears the MDC around each test and, after the test (and its
 * {@code @AfterEach}), stops every context it loaded, then settles the process-wide client as the factory says.
 * The stub's own after-each check runs last, so it validates what the stopping contexts flushed.
 */
final class LogbackContexts implements BeforeEachCallback, AfterEachCallback {
    private final IngestStub stub;
    private final Runnable settleClient;
    private final List<LogbackFixture> loaded = new ArrayList<>();

    private LogbackContexts(IngestStub stub, Runnable settleClient) {
        this.stub = stub;
        this.settleClient = settleClient;
    }

    /** Closes the process-wide client once the contexts stopped, also one a test initialised in code. */
    static LogbackContexts closingClientAfterEach(IngestStub stub) {
        return new LogbackContexts(stub, SeeStack::close);
    }

    /** Asserts once the contexts stopped that the last appender released the client it started. */
    static LogbackContexts expectingClientReleasedAfterEach(IngestStub stub) {
        return new LogbackContexts(stub, () -> assertFalse(SeeStack.isInitialized(),
                "stopping the last appender releases the client it started"));
    }

    /** A fresh context configured from the test resource {@code resource}, stopped after the test. */
    LogbackFixture load(String resource) {
        LogbackFixture fixture = LogbackFixture.load(resource, stub);
        loaded.add(fixture);
        return fixture;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        MDC.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        MDC.clear();
        try {
            // a test may have stopped its context already: stopping again is harmless
            loaded.forEach(LogbackFixture::close);
        } finally {
            loaded.clear();
        }
        settleClient.run();
    }
}
