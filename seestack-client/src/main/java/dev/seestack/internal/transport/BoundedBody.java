package dev.seestack.internal.transport;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A response body subscriber that keeps the first {@code limit} bytes (for diagnostics) and discards the rest
 * chunk by chunk, so a large response costs neither memory nor a byte-by-byte read.
 */
final class BoundedBody implements Flow.Subscriber<List<ByteBuffer>> {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    private BoundedBody(int limit) {
        this.limit = limit;
    }

    /** A handler whose body is the first {@code limit} bytes as UTF-8 text. */
    static HttpResponse.BodyHandler<String> handler(int limit) {
        return info -> HttpResponse.BodySubscribers.fromSubscriber(new BoundedBody(limit), BoundedBody::text);
    }

    private String text() {
        return new String(kept.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            int room = limit - kept.size();
            if (room <= 0) {
                return;
            }
            int n = Math.min(room, b.remaining());
            byte[] chunk = new byte[n];
            b.get(chunk);
            kept.write(chunk, 0, n);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // the response future completes exceptionally on its own
    }

    @Override
    public void onComplete() {
        // the finisher reads what was kept
    }
}
