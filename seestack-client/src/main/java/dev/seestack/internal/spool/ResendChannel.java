package dev.seestack.internal.spool;

import dev.seestack.internal.delivery.RetryDecision;
import dev.seestack.internal.event.Feature;
import java.io.IOException;

/** Sends one spooled request body to its feature's endpoint and decides by the {@code Outcome} table. */
@FunctionalInterface
public interface ResendChannel {
    RetryDecision send(Feature feature, byte[] body) throws IOException, InterruptedException;
}
