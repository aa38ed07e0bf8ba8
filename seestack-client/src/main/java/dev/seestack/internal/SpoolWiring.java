package dev.seestack.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.delivery.RetryDecision;
import dev.seestack.internal.delivery.RetryPolicy;
import dev.seestack.internal.delivery.Scheduler;
import dev.seestack.internal.transport.Transport;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.spool.DiskSpool;
import dev.seestack.internal.spool.ResendChannel;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;

/** How a client starts its disk spool and resends spooled bodies. */
final class SpoolWiring {
    private SpoolWiring() {
    }

    /** The disk spool when {@code spoolDir} is set, else null; a path the OS rejects turns it off with a warning. */
    static DiskSpool start(SeeStackConfig config, Scheduler scheduler, Diagnostics diagnostics, Transport transport,
            RetryPolicy retryPolicy, Runnable onUnauthorized) {
        if (config.spoolDir() == null) {
            return null;
        }
        try {
            return DiskSpool.start(Paths.get(config.spoolDir()), config.spoolMaxBytes(), scheduler, diagnostics,
                    resendChannel(transport, retryPolicy, onUnauthorized));
        } catch (InvalidPathException e) {
            diagnostics.alertOnce("WARN", "spool-open", "SeeStack SDK: cannot use spoolDir " + config.spoolDir()
                    + " (" + e.getMessage() + "); continuing without a disk spool");
            return null;
        }
    }

    /** One resend of a spooled body over the pipeline's transport, judged by the same status table. */
    private static ResendChannel resendChannel(Transport transport, RetryPolicy retryPolicy,
            Runnable onUnauthorized) {
        return (feature, body) -> {
            TransportResponse response = transport.post(feature.path(), body);
            RetryDecision decision = retryPolicy.onStatus(response.status(), response.retryAfter(), 1, 0);
            if (decision.outcome().disables()) {
                onUnauthorized.run();
            }
            return decision;
        };
    }

    /** Items on disk not answered yet, for the debug stats line; empty without a spool. */
    static String backlog(DiskSpool spool) {
        if (spool == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(" spoolBacklog={");
        for (Feature f : Feature.values()) {
            b.append(f == Feature.ERRORS ? "" : ", ").append(f.displayName()).append('=').append(spool.backlog(f));
        }
        return b.append('}').toString();
    }
}
