package dev.seestack;

import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.transport.TransportResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a transport and holds every request at a gate until the test opens it. */
final class GatedTransport implements Transport {
    private final Transport delegate;
    private final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger waiting = new AtomicInteger();

    GatedTransport(Transport delegate) {
        this.delegate = delegate;
    }

    void open() {
        gate.countDown();
    }

    @Override
    public TransportResponse post(String path, byte[] body) throws IOException, InterruptedException {
        waiting.incrementAndGet();
        gate.await();
        return delegate.post(path, body);
    }

    @Override
    public void close() {
        gate.countDown();
        delegate.close();
    }
}
