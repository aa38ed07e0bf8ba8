package dev.seestack.benchmarks;

import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.ClientRegistry;

/**
 * The process-wide client of the accept-path contenders: a {@link DiscardingTransport}, a buffer large enough that
 * nothing drops within an iteration, and no timed flush (the benchmarks drain between iterations).
 */
final class AcceptPathClient {
    static final int BUFFER_SIZE = 2_000_000;
    /** Bytes of estimated heap: never the bound, so the caller pays for the estimate but never for an eviction. */
    static final long BUFFER_BYTES = 1L << 40;

    private AcceptPathClient() {
    }

    /** Starts the process-wide client, configured for {@code server} but sending nothing to it. */
    static SeeStackClient init(CountingServer server) {
        return ClientRegistry.initExplicit(SeeStackConfig.builder(n -> null).apiKey("bench-key")
                .host(server.url()).environment("bench").bufferSize(BUFFER_SIZE).bufferBytes(BUFFER_BYTES).flushIntervalMs(3_600_000).build(),
                ClientComponents.defaults().transport(c -> new DiscardingTransport()).shutdownHook(false)
                        .senderThreads(Integer.getInteger("bench.senders", ClientComponents.DEFAULT_SENDER_THREADS)));
    }
}
