package dev.seestack.test.internal;

import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.transport.TransportResponse;
import java.nio.charset.StandardCharsets;

/** Records each body in {@link SentBodies} and answers 202 as the backend does; nothing leaves the process. */
final class InMemoryTransport implements Transport {
    private static final String ENVELOPE = "{\"success\":true,\"data\":{\"id\":\"00000000-0000-4000-8000-000000000000\"}}";

    @Override
    public TransportResponse post(String path, byte[] body) {
        SentBodies.INSTANCE.add(path, new String(body, StandardCharsets.UTF_8));
        String answer = path.endsWith("/http-requests") ? "{\"ok\":true,\"accepted\":1}"
                : path.endsWith("/heartbeat") ? "{\"ok\":true}" : ENVELOPE;
        return new TransportResponse(202, null, answer);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
