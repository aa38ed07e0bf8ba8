package dev.seestack.internal.screen;

import dev.seestack.BeforeSend;
import dev.seestack.SeeStackEvent;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.ErrorEntry;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.http.HttpItem;
import dev.seestack.internal.json.MetadataSanitizer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the {@code beforeSend*} hooks on its own SDK thread ({@code seestack-hooks}), between capture and the
 * delivery pipeline, so a hook never runs on (or slows) the application's thread. Its queue is bounded in items and
 * in estimated bytes (as a buffer is, {@code bufferSize} and {@code bufferBytes}): when full,
 * the item is refused and the caller counts it as a buffer-full drop. Items keep their order.
 */
public final class HookStage {
    private final SendHooks hooks;
    private final Diagnostics diagnostics;
    private final int capacity;
    private final long maxBytes;
    /** The estimated heap of the queued items; guarded by {@code this}. */
    private long bytes;
    private final Outlet outlet;
    /** Guarded by {@code this}. */
    private final ArrayDeque<Encodable> queue = new ArrayDeque<>();
    private int inProgress;
    private boolean stopped;
    private Thread thread;

    /** Where items go after their hook: on to the pipeline, or counted as dropped by the hook. */
    public interface Outlet {
        void send(Encodable item);

        void dropByHook(Feature feature);
    }

    /** A stage queueing at most {@code capacity} items and {@code maxBytes} of their estimated heap. */
    public HookStage(SendHooks hooks, Diagnostics diagnostics, int capacity, long maxBytes, Outlet outlet) {
        this.hooks = hooks;
        this.diagnostics = diagnostics;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.outlet = outlet;
    }

    /** Whether items of {@code feature} go through a hook. */
    public boolean handles(Feature feature) {
        return hooks.of(feature) != null;
    }

    /** Queues {@code item} for its hook; false when the queue is full or the stage stopped (the item is not taken). */
    public synchronized boolean submit(Encodable item) {
        if (stopped || queue.size() >= capacity || !queue.isEmpty() && bytes + item.retainedBytes() > maxBytes) {
            return false;
        }
        if (thread == null) {
            thread = new Thread(this::run, "seestack-hooks");
            thread.setDaemon(true);
            thread.start();
        }
        queue.addLast(item);
        bytes += item.retainedBytes();
        notifyAll();
        return true;
    }

    /** Waits until every queued item has passed its hook, or {@code deadlineNanos} ({@code System.nanoTime}). */
    public synchronized boolean awaitIdle(long deadlineNanos) {
        try {
            while (!queue.isEmpty() || inProgress > 0) {
                long waitMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
                if (waitMs <= 0 || thread == null) {
                    return false;
                }
                wait(Math.min(waitMs, 50));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the thread once the queue is empty; items still queued then are handed on without their hook. */
    public void stop() {
        Thread t;
        synchronized (this) {
            stopped = true;
            notifyAll();
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Encodable left;
        while ((left = takeLeftOver()) != null) {
            outlet.send(left);
        }
    }

    private synchronized Encodable takeLeftOver() {
        return pollQueued();
    }

    /** The oldest queued item, or null; under {@code this}. */
    private Encodable pollQueued() {
        Encodable item = queue.pollFirst();
        if (item != null) {
            bytes -= item.retainedBytes();
        }
        return item;
    }

    private void run() {
        while (true) {
            Encodable item;
            synchronized (this) {
                while (queue.isEmpty() && !stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                item = pollQueued();
                inProgress++;
            }
            try {
                if (apply(item)) {
                    outlet.send(item);
                } else {
                    outlet.dropByHook(item.feature());
                }
            } catch (RuntimeException | LinkageError e) {
                diagnostics.debug(() -> "hook stage failure (item sent as it was): " + e);
            } finally {
                synchronized (this) {
                    inProgress--;
                    notifyAll();
                }
            }
        }
    }

    /** Runs the item's hook; false when it dropped the item. A hook that throws leaves the item as it was. */
    private boolean apply(Encodable item) {
        BeforeSend hook = hooks.of(item.feature());
        SeeStackEvent view = viewOf(item);
        if (hook == null || view == null) {
            return true;
        }
        SeeStackEvent result;
        try {
            result = hook.apply(view);
        } catch (RuntimeException | LinkageError e) {
            diagnostics.warnOnce("hook-" + item.feature(), "SeeStack: the beforeSend hook for "
                    + item.feature().displayName() + " threw " + e + "; the event is sent unchanged (warned once)");
            return true;
        }
        if (result == null) {
            return false;
        }
        if (item instanceof ErrorEntry) {
            ((ErrorEntry) item).replaceMetadata(MetadataSanitizer.sanitizeMap(result.metadata()));
        } else if (item instanceof LogEntry) {
            ((LogEntry) item).replaceMetadata(MetadataSanitizer.sanitizeMap(result.metadata()));
        }
        return true;
    }

    private static SeeStackEvent viewOf(Encodable item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (item instanceof ErrorEntry) {
            ErrorEntry e = (ErrorEntry) item;
            fields.put("exceptionClass", e.throwable().getClass().getName());
            fields.put("message", MetadataSanitizer.safeMessage(e.throwable()));
            fields.put("level", e.level().wireName());
            return new SeeStackEvent(SeeStackEvent.Kind.ERROR, fields, e.metadata());
        }
        if (item instanceof LogEntry) {
            LogEntry l = (LogEntry) item;
            fields.put("level", l.level().wireName());
            fields.put("message", l.message());
            fields.put("service", l.service());
            fields.put("traceId", l.traceId());
            return new SeeStackEvent(SeeStackEvent.Kind.LOG, fields, l.metadata());
        }
        if (item instanceof HttpItem) {
            return new SeeStackEvent(SeeStackEvent.Kind.HTTP_REQUEST, ((HttpItem) item).fields(), null);
        }
        return null;
    }
}
