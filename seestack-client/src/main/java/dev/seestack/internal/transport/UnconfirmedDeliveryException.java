package dev.seestack.internal.transport;

import java.io.IOException;

/**
 * A request whose body was written in full but whose answer never came (the connection reset or closed after
 * the body, or the deadline passed): the backend may have stored it. Transports fail with this, never with a
 * plain {@link IOException}, once the body has left, so the pipeline can count the delivery as unconfirmed.
 */
public final class UnconfirmedDeliveryException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnconfirmedDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
