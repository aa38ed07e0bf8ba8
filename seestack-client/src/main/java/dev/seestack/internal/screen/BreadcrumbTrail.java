package dev.seestack.internal.screen;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recent breadcrumbs of each trace (or, without a trace id, of each thread), for the errors that follow: at
 * most {@code perTrace} per trace, the least recently used traces evicted beyond {@link #MAX_TRACES} or
 * {@link #BYTE_BUDGET}. Recording is a small locked append on the application's thread; nothing is rendered here.
 */
public final class BreadcrumbTrail {
    /** Traces remembered at most. */
    public static final int MAX_TRACES = 1024;
    /** Estimated heap bytes all kept breadcrumbs may hold: 4 MiB. */
    public static final long BYTE_BUDGET = 4L * 1024 * 1024;
    private static final Breadcrumb[] NONE = new Breadcrumb[0];

    private final int perTrace;
    private final long byteBudget;
    /** Access-ordered: the eldest entry is the least recently used trace. Guarded by {@code this}. */
    private final LinkedHashMap<String, ArrayDeque<Breadcrumb>> traces = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** A trail keeping {@code perTrace} breadcrumbs per trace (0: keeps nothing). */
    public BreadcrumbTrail(int perTrace) {
        this(perTrace, BYTE_BUDGET);
    }

    BreadcrumbTrail(int perTrace, long byteBudget) {
        this.perTrace = perTrace;
        this.byteBudget = byteBudget;
    }

    /**
     * The key of a trace: its id, else the thread's name (used as is, not prefixed, so that the logging call
     * allocates nothing for it; a trace id equal to a thread name is not a practical concern).
     */
    public static String keyOf(String traceId, String threadName) {
        return traceId != null ? traceId : threadName;
    }

    public boolean isOn() {
        return perTrace > 0;
    }

    /** Appends {@code crumb} to the trace {@code key}, dropping that trace's oldest beyond the bound. */
    public void record(String key, Breadcrumb crumb) {
        if (perTrace <= 0 || key == null) {
            return;
        }
        synchronized (this) {
            ArrayDeque<Breadcrumb> crumbs = traces.get(key);
            if (crumbs == null) {
                crumbs = new ArrayDeque<>(Math.min(perTrace, 16));
                traces.put(key, crumbs);
            }
            if (crumbs.size() == perTrace) {
                bytes -= crumbs.removeFirst().estimatedBytes();
            }
            crumbs.addLast(crumb);
            bytes += crumb.estimatedBytes();
            evictBeyondBounds(crumbs);
        }
    }

    /** The breadcrumbs of trace {@code key}, oldest first (a copy of references). */
    public Breadcrumb[] snapshot(String key) {
        if (perTrace <= 0 || key == null) {
            return NONE;
        }
        synchronized (this) {
            ArrayDeque<Breadcrumb> crumbs = traces.get(key);
            return crumbs == null ? NONE : crumbs.toArray(NONE);
        }
    }

    /** Estimated bytes held now (tests). */
    synchronized long bytes() {
        return bytes;
    }

    /** Traces held now (tests). */
    synchronized int traces() {
        return traces.size();
    }

    private void evictBeyondBounds(ArrayDeque<Breadcrumb> current) {
        Iterator<Map.Entry<String, ArrayDeque<Breadcrumb>>> eldest = traces.entrySet().iterator();
        while ((bytes > byteBudget || traces.size() > MAX_TRACES) && eldest.hasNext()) {
            ArrayDeque<Breadcrumb> crumbs = eldest.next().getValue();
            if (crumbs == current) {
                break; // the most recently used: trim it below instead
            }
            for (Breadcrumb c : crumbs) {
                bytes -= c.estimatedBytes();
            }
            eldest.remove();
        }
        while (bytes > byteBudget && current.size() > 1) {
            bytes -= current.removeFirst().estimatedBytes();
        }
    }
}
