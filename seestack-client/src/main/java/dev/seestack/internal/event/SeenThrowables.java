package dev.seestack.internal.event;

import java.lang.ref.ReferenceQueue;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers which throwable instances were already captured, by identity and weakly, so that an exception
 * logged, rethrown and logged again is sent once, without keeping any exception (or its class loader) alive.
 */
public final class SeenThrowables {
    /** Above this many live entries the memory is cleared rather than grown. */
    static final int MAX_ENTRIES = 10_000;

    private final Set<IdentityWeakReference> entries = new HashSet<>();
    private final ReferenceQueue<Throwable> cleared = new ReferenceQueue<>();

    /** Records {@code t}; returns true the first time this instance is seen. */
    public synchronized boolean firstSighting(Throwable t) {
        expunge();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        return entries.add(new IdentityWeakReference(t, cleared));
    }

    /** Whether {@code t} was already recorded (and is still remembered); records nothing. */
    public synchronized boolean contains(Throwable t) {
        expunge();
        return entries.contains(new IdentityWeakReference(t, null));
    }

    synchronized int size() {
        expunge();
        return entries.size();
    }

    private void expunge() {
        Object ref;
        while ((ref = cleared.poll()) != null) {
            entries.remove(ref);
        }
    }
}
