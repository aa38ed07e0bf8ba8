package dev.seestack.internal.screen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class IgnoredExceptionsTest {
    private static final class RequestCancelled extends CancellationException {
    }

    @Test
    void ignoresTheNamedClassesAndTheirSubclasses() {
        IgnoredExceptions ignored = new IgnoredExceptions(" java.util.concurrent.CancellationException , com.x.Nope");

        assertTrue(ignored.ignores(new CancellationException()));
        assertTrue(ignored.ignores(new RequestCancelled()));
        assertFalse(ignored.ignores(new IllegalStateException()));
    }

    @Test
    void ignoresNothingWhenUnset() {
        assertFalse(new IgnoredExceptions(null).ignores(new CancellationException()));
        assertFalse(new IgnoredExceptions(" ").ignores(new CancellationException()));
    }
}
