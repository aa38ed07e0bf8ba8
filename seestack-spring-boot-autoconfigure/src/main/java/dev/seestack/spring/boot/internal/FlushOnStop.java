package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import org.springframework.context.SmartLifecycle;

/**
 * Sends what is buffered when the context stops, in the last lifecycle phase: after the web server's graceful
 * shutdown has let in-flight requests finish (their HTTP items and logs are then buffered). The client itself is
 * closed later, after the context's beans are destroyed ({@link OwnedClient}).
 */
final class FlushOnStop implements SmartLifecycle {
    /** Stops after every other lifecycle; Boot's graceful shutdown and web server use DEFAULT_PHASE - 1024/2048. */
    static final int PHASE = Integer.MIN_VALUE + 1000;

    private final SeeStackClient client;
    private volatile boolean running;

    FlushOnStop(SeeStackClient client) {
        this.client = client;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        client.flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
