package dev.seestack.examples.demo;

import dev.seestack.jul.SeeStackHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Loads {@code demo-logging.properties} into the JUL {@link LogManager} and adds a {@link SeeStackHandler} to the
 * root logger; the handler reads its options ({@code dev.seestack.jul.SeeStackHandler.*}) from that file.
 * Closing resets the LogManager, which closes (and flushes) the handler.
 *
 * <p>The handler is added in code rather than with a {@code handlers =} line because JUL loads the classes named
 * there from the system class loader only, and under {@code mvn exec:java} this module is not on it.
 */
final class JulSetup implements AutoCloseable {
    static final String CONFIG = "/dev/seestack/examples/demo/demo-logging.properties";

    private JulSetup() {
    }

    static JulSetup configure() {
        try (InputStream in = JulSetup.class.getResourceAsStream(CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("cannot find " + CONFIG);
            }
            LogManager.getLogManager().readConfiguration(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CONFIG, e);
        }
        Logger.getLogger("").addHandler(new SeeStackHandler());
        return new JulSetup();
    }

    /** Resets JUL: every handler is closed, the SeeStack one after flushing. */
    @Override
    public void close() {
        LogManager.getLogManager().reset();
    }
}
