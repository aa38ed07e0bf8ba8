package dev.seestack.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@code System.err} around each test (for {@code @RegisterExtension} on an instance field), so tests can
 * assert on the SDK's {@code [seestack]} diagnostics; the original stream is restored after the test.
 */
public final class StderrCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        original = System.err;
        captured.reset();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(original);
    }

    /** Everything written to stderr during the test so far. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** How many lines written so far contain {@code fragment}. */
    public long lines(String fragment) {
        return Arrays.stream(text().split("\n")).filter(l -> l.contains(fragment)).count();
    }
}
