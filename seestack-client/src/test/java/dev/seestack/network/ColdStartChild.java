package dev.seestack.network;

import dev.seestack.ClientStats;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.testkit.OfferedLoad;
import java.time.Duration;

/**
 * A new JVM that creates a client with default settings and at once offers {@code perSecond} logs a second for
 * {@code seconds}, as a service restarted under load does; prints its log counters on one {@code STATS} line.
 * Arguments: host, API key, logs per second, seconds.
 */
public final class ColdStartChild {
    private ColdStartChild() {
    }

    public static void main(String[] args) {
        int perSecond = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        SeeStackClient client = SeeStackClient.create(SeeStackConfig.builder(n -> null).apiKey(args[1])
                .host(args[0]).environment("test").build());
        OfferedLoad.run(perSecond, Duration.ofSeconds(seconds), i -> client.captureLog("info", "cold " + i, null));
        client.flush(Duration.ofSeconds(60));
        ClientStats stats = client.stats();
        client.close();
        FeatureStats logs = stats.logs();
        System.out.println("STATS " + logs.captured() + " " + logs.sent() + " " + logs.droppedBufferFull() + " "
                + logs.droppedAfterRetries() + " " + logs.pending() + " " + logs);
    }
}
