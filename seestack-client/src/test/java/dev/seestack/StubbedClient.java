package dev.seestack;

import dev.seestack.testkit.IngestStub;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A client against the class's {@link IngestStub}, for {@code @RegisterExtension} on an instance field declared
 * after the static stub: built from {@link FeatureFixtures#config} before each test (so {@code @BeforeEach}
 * methods can use it), its warnings collected, and closed after the test and its {@code @AfterEach}. Closing
 * flushes into the stub, whose own after-each check then validates every body.
 */
public final class StubbedClient implements BeforeEachCallback, AfterEachCallback {
    private final IngestStub stub;
    private final List<String> warnings = FeatureFixtures.warnings();
    private SeeStackClient client;

    private StubbedClient(IngestStub stub) {
        this.stub = stub;
    }

    /** A client per test against {@code stub}. */
    public static StubbedClient against(IngestStub stub) {
        return new StubbedClient(stub);
    }

    /** The test's current client. */
    public SeeStackClient client() {
        return client;
    }

    /** What the current and replaced clients of this test warned about, in order. */
    public List<String> warnings() {
        return warnings;
    }

    /** Closes the current client and puts one built from {@code config} in its place; returns the new one. */
    public SeeStackClient replace(SeeStackConfig config) {
        client.close();
        client = FeatureFixtures.client(config, warnings);
        return client;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        client = FeatureFixtures.client(FeatureFixtures.config(stub).build(), warnings);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
    }
}
