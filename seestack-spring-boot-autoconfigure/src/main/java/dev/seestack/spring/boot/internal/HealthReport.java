package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackClient;
import java.util.LinkedHashMap;
import java.util.Map;

/** The client's health, shared by the Boot 3 and Boot 4 indicators: up while it accepts captures, else why not. */
final class HealthReport {
    final boolean up;
    final Map<String, Object> details = new LinkedHashMap<>();

    HealthReport(SeeStackClient client) {
        this.up = client.isEnabled();
        details.put("host", client.config().host());
        if (client.config().environment() != null) {
            details.put("environment", client.config().environment());
        }
        if (!up) {
            details.put("reason", reason(client));
        }
        details.put("stats", client.stats().toString());
    }

    private static String reason(SeeStackClient client) {
        if (dev.seestack.internal.config.PlainHttpPolicy.refuses(client.config().environment(), client.config().host())) {
            return "plain-HTTP host refused in a production environment";
        }
        if (dev.seestack.internal.ClientAccess.core(client).isClosed()) {
            return "client closed";
        }
        return "disabled by a 401 answer: invalid API key (or a wrong path in the host)";
    }
}
