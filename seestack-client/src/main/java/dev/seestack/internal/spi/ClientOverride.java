package dev.seestack.internal.spi;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.flags.FlagLookup;
import dev.seestack.internal.transport.Transport;

/**
 * Replaces where a client sends to, for every client started without explicit components (the facade, the
 * logging appenders, the Spring starter): found with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.seestack.internal.spi.ClientOverride}. Only {@code dev.seestack:seestack-test}
 * provides one, so a test class path delivers to memory and nothing leaves the process. Not API.
 */
public interface ClientOverride {
    /** The {@code apiKey} a client gets when none is configured while an override is installed. */
    String PLACEHOLDER_API_KEY = "in-memory";
    /** The {@code host} a client gets when none is configured while an override is installed; never contacted. */
    String PLACEHOLDER_HOST = "https://in-memory.seestack.invalid";

    /** The {@code projectId} a client gets when none is configured while an override is installed (HTTP items). */
    String PLACEHOLDER_PROJECT_ID = "00000000-0000-4000-8000-000000000000";

    /** The transport of a client with {@code config}, used instead of the network. */
    Transport transport(SeeStackConfig config);

    /** Where the client's flag lookups are answered, instead of the management API. */
    FlagLookup flagLookup(SeeStackConfig config);
}
