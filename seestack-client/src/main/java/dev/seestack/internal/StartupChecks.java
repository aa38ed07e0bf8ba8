package dev.seestack.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.config.PlainHttpPolicy;
import dev.seestack.internal.diag.Diagnostics;

/** What a client reports about its configuration as it starts, and whether it refuses to start at all. */
final class StartupChecks {
    private StartupChecks() {
    }

    /**
     * Prints the configuration's warnings; true, with an
     * alert, when the host is plain HTTP in a production-like environment: the client then stays disabled.
     */
    static boolean refusesToStart(SeeStackConfig config, Diagnostics diagnostics) {
        for (String warning : ClientAccess.warnings(config)) {
            diagnostics.warn("SeeStack SDK: " + warning);
        }
        if (!PlainHttpPolicy.refuses(config.environment(), config.host())) {
            return false;
        }
        diagnostics.alertOnce("ERROR", "plain-http", "SeeStack SDK: refusing to send to plain-HTTP host " + config.host()
                + " in environment '" + config.environment() + "'; SDK disabled, feature flags included. Use an"
                + " https:// host, a loopback host, or another 'environment' for local testing.");
        return true;
    }
}
