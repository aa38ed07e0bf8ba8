package dev.seestack.benchmarks;

import java.util.concurrent.Semaphore;

/**
 * A contender whose client calls back when an answer arrives (Apache async, Netty): the calling thread takes a
 * ticket, waits for room in a window of {@code inFlight} requests, and starts the request; the callback frees the
 * room. The base class owns the window so each client only says how it starts one request.
 */
abstract class AsyncContender implements CostContender {
    /** Called exactly once per request, from the client's I/O thread: whether it was answered 2xx. */
    interface Answer {
        void done(boolean ok);
    }

    private final int inFlight;

    AsyncContender(int inFlight) {
        this.inFlight = inFlight;
    }

    /** Starts one request; {@code answer} is called once it is answered or has failed. */
    abstract void send(Answer answer);

    @Override
    public final void deliver(RequestTickets tickets, Tally tally) {
        Semaphore window = new Semaphore(inFlight);
        while (tickets.take()) {
            window.acquireUninterruptibly();
            send(ok -> {
                tally.count(ok);
                window.release();
            });
        }
        window.acquireUninterruptibly(inFlight); // every answer is in
    }
}
