package dev.seestack.benchmarks;

import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.transport.TransportResponse;
import java.util.concurrent.atomic.LongAdder;

/** A transport that accepts every body at once without I/O: isolates the caller-thread cost from the network. */
public final class DiscardingTransport implements Transport {
    private static final TransportResponse ACCEPTED = new TransportResponse(202, null, null);
    private final LongAdder requests = new LongAdder();

    @Override
    public TransportResponse post(String path, byte[] body) {
        requests.increment();
        return ACCEPTED;
    }

    public long requests() {
        return requests.sum();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
