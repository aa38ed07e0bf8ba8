package dev.seestack.internal.transport;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates daemon threads named {@code seestack-<role>-<n>}, so the SDK never keeps a JVM alive. */
public final class DaemonThreadFactory implements ThreadFactory {
    /** Every SDK thread name starts with this; the adapters' recursion guard relies on it. */
    public static final String PREFIX = "seestack-";

    private final String role;
    private final AtomicInteger counter = new AtomicInteger();

    public DaemonThreadFactory(String role) {
        this.role = role;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, PREFIX + role + "-" + counter.incrementAndGet());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> {
            // an SDK thread must never print through the application's handlers; nothing to do here
        });
        return t;
    }
}
