package dev.seestack.internal.delivery;

import java.io.IOException;

/**
 * Sends one request body to the SeeStack backend and reports the status. Blocking by design: the
 * pipeline calls it from its own sender threads, never from the application's.
 */
public interface Transport extends AutoCloseable {
    /** POSTs {@code body} (JSON) to {@code path} below the configured host. */
    TransportResponse post(String path, byte[] body) throws IOException, InterruptedException;

    /** Releases connections and threads; further posts fail. */
    @Override
    void close();
}
