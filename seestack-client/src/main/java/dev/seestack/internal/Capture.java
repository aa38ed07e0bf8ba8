package dev.seestack.internal;

import dev.seestack.User;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;

/**
 * What a client's features (cron heartbeats, HTTP monitoring) reach of it: hand an item to delivery, or account for
 * one that is not sent. The rest of the client (lifecycle, flush, stats) stays out of their reach.
 */
public interface Capture {
    /**
     * Whether captures are accepted; when not (closed, after a 401, an insecure production setup) it counts one
     * disabled drop of {@code feature}, so the counters account for every capture call.
     */
    boolean admits(Feature feature);

    /** Hands {@code item} to delivery (through its feature's {@code beforeSend*} hook, if any); false if refused. */
    boolean enqueue(Encodable item);

    /** Counts an item refused before it was buffered (invalid input), with a debug line. */
    void rejectLocally(Feature feature, String reason);

    /** The client's diagnostics (stderr and the framework's status channel, once per condition). */
    Diagnostics diagnostics();

    /** The global user set on the client, or null: the fallback of items without a user of their own. */
    User user();
}
