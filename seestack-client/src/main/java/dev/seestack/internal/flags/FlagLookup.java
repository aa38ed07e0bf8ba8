package dev.seestack.internal.flags;

import java.io.IOException;

/**
 * Where a {@link FlagEvaluator} gets its answers: the management API over the network ({@link FlagSource}), or an
 * in-memory stand-in in tests ({@code dev.seestack.internal.spi.ClientOverride}).
 */
@FunctionalInterface
public interface FlagLookup {
    /** The body of a 2xx answer to {@code GET {host}{pathAndQuery}}; other answers throw {@link FlagSource.StatusException}. */
    String get(String pathAndQuery) throws IOException, InterruptedException;
}
