package dev.seestack.test.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.flags.FlagLookup;
import dev.seestack.internal.spi.ClientOverride;
import dev.seestack.internal.transport.Transport;

/**
 * The {@link ClientOverride} this jar registers in {@code META-INF/services}: every client started without explicit
 * components sends to {@link SentBodies} and answers flags from {@link FlagTable}. Not API.
 */
public final class InMemoryOverride implements ClientOverride {
    @Override
    public Transport transport(SeeStackConfig config) {
        return new InMemoryTransport();
    }

    @Override
    public FlagLookup flagLookup(SeeStackConfig config) {
        return FlagTable.INSTANCE;
    }
}
