package dev.seestack.internal.transport;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Requests sent with the JDK client's blocking {@code send} on pooled {@code seestack-send-*} threads, for JVMs
 * where its {@code sendAsync} would complete every request on a new thread: {@code CompletableFuture}'s
 * thread-per-task fallback when the common pool has parallelism 1 (JDK 17 on 1–2 CPUs; JDK 25 no longer falls
 * back), which halved delivery on such a machine (BENCHMARKS.md). A thread that finishes a request runs the next
 * one its answer dispatched, so a steady stream keeps the same threads: at most one per request in flight, idle
 * ones end after 10 s (a burst's extra threads do not linger).
 */
final class BlockingSends {
    /** Idle send threads end after this: a steady stream reuses the most recently idle ones (the queue is LIFO). */
    static final long IDLE_SECONDS = 10;

    private final HttpClient client;
    private final ThreadPoolExecutor pool;
    /** In a send thread: its next task (set by an answer's dispatch, run when the current one returns). */
    private final ThreadLocal<Runnable[]> next = new ThreadLocal<>();

    BlockingSends(HttpClient client, int maxThreads) {
        this.client = client;
        this.pool = new ThreadPoolExecutor(0, maxThreads, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DaemonThreadFactory("send"));
    }

    /** Whether this JVM's {@code sendAsync} would start a thread per answer (see the class comment). */
    static boolean neededHere() {
        return !(new CompletableFuture<Void>().defaultExecutor() instanceof ForkJoinPool);
    }

    /**
     * Sends {@code request} on a send thread; the future completes there (so its dependent actions run there too)
     * and cancelling it interrupts the send. {@code callerWaits}: the caller blocks on the future, so the request
     * must not wait for the calling send thread to be free. When every thread is busy the request goes out
     * through {@code sendAsync} instead; after {@link #shutdown()} it fails at once.
     */
    <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            boolean callerWaits) {
        Exchange<T> exchange = new Exchange<>();
        Runnable task = () -> exchange.run(client, request, handler);
        Runnable[] slot = next.get();
        if (!callerWaits && slot != null && slot[0] == null) {
            slot[0] = task; // this thread is about to be free: it sends next
            return exchange;
        }
        try {
            pool.execute(() -> runChain(task));
        } catch (RejectedExecutionException e) {
            if (pool.isShutdown()) {
                exchange.completeExceptionally(new IOException("SeeStack HTTP client is closed"));
            } else {
                return client.sendAsync(request, handler);
            }
        }
        return exchange;
    }

    private void runChain(Runnable first) {
        Runnable[] slot = new Runnable[1];
        next.set(slot);
        try {
            for (Runnable task = first; task != null; task = slot[0]) {
                slot[0] = null;
                task.run();
            }
        } finally {
            next.remove();
        }
    }

    /** Send threads alive now (busy or idle). */
    int threads() {
        return pool.getPoolSize();
    }

    /** Send threads running a request now. */
    int busyThreads() {
        return pool.getActiveCount();
    }

    /** Interrupts the sends still running and stops the threads; later sends fail at once. */
    void shutdown() {
        pool.shutdownNow();
    }

    /** One blocking send's future: cancelling it interrupts the thread while that is still sending it. */
    private static final class Exchange<T> extends CompletableFuture<HttpResponse<T>> {
        private Thread sender; // guarded by this

        void run(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            synchronized (this) {
                if (isDone()) {
                    return; // cancelled before it started
                }
                sender = Thread.currentThread();
            }
            HttpResponse<T> response = null;
            Throwable failure = null;
            try {
                response = client.send(request, handler);
            } catch (InterruptedException e) {
                failure = new IOException("SeeStack HTTP request interrupted", e);
            } catch (Throwable t) {
                failure = t;
            } finally {
                synchronized (this) {
                    sender = null;
                }
                Thread.interrupted(); // a cancel meant for this request must not reach the thread's next one
            }
            if (failure != null) {
                completeExceptionally(failure);
            } else {
                complete(response);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            synchronized (this) {
                if (sender != null) {
                    sender.interrupt();
                }
            }
            return cancelled;
        }
    }
}
