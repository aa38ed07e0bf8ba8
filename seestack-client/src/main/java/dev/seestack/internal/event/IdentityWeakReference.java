package dev.seestack.internal.event;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/** A weak reference to a throwable that is equal to another one holding the same instance (identity, not equals). */
final class IdentityWeakReference extends WeakReference<Throwable> {
    private final int hash;

    IdentityWeakReference(Throwable referent, ReferenceQueue<Throwable> queue) {
        super(referent, queue);
        this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IdentityWeakReference)) {
            return false;
        }
        Throwable mine = get();
        return mine != null && mine == ((IdentityWeakReference) o).get();
    }
}
