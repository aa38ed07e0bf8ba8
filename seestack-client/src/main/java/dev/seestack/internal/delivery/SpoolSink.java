package dev.seestack.internal.delivery;

import dev.seestack.internal.event.Feature;
import java.util.function.Supplier;

/**
 * Where the delivery engine hands a request it cannot deliver now (retry budget spent, buffer about to evict,
 * client stopping with work left) instead of dropping it: the opt-in disk spool. Calls never block and never
 * touch the disk on the caller's thread.
 */
public interface SpoolSink {
    /** The spool that takes nothing (the default, {@code spoolDir} unset). */
    SpoolSink NONE = new SpoolSink() {
        @Override
        public boolean offer(Feature feature, int itemCount, Supplier<byte[]> body) {
            return false;
        }

        @Override
        public void onDelivered() {
        }
    };

    /**
     * Takes over one request of {@code itemCount} items; {@code body} supplies its encoded (already masked) body
     * and is called on the spool's own thread. Returns false when not taken: the caller counts its drop as before.
     */
    boolean offer(Feature feature, int itemCount, Supplier<byte[]> body);

    /** Called after a request was answered 2xx: the backend accepts again, so spooled requests may be resent. */
    void onDelivered();
}
