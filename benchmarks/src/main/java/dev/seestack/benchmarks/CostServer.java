package dev.seestack.benchmarks;

import dev.seestack.testkit.DelayProxy;
import dev.seestack.testkit.Http2Server;
import dev.seestack.testkit.TestCertificates;

/**
 * {@link CostReport}'s server in a process of its own, so that the client's process CPU is the client's alone:
 * {@code http} is {@link CountingServer} ({@code com.sun.net.httpserver}, 128 workers, {@code nodelay}), {@code
 * https} the test kit's Jetty {@link Http2Server} (h2 and http/1.1 by ALPN); with a round trip above 0 ms the test
 * kit's {@link DelayProxy} in front, in this process too. Prints {@code base=<uri> trust=<path|->} and serves until
 * its standard input closes.
 *
 * <p>Arguments: {@code http|https rttMs}.
 */
public final class CostServer {
    private CostServer() {
    }

    public static void main(String[] args) throws Exception {
        LatencyReport.quietLibraryLogs();
        boolean https = args[0].equals("https");
        long rttMs = Long.parseLong(args[1]);
        try (CountingServer h1 = https ? null : CountingServer.start(128);
                Http2Server h2 = https ? Http2Server.https(false) : null) {
            int port = https ? h2.port() : LatencyReport.port(h1.url());
            try (DelayProxy proxy = rttMs > 0 ? DelayProxy.to("127.0.0.1", port, rttMs) : null) {
                int front = proxy != null ? proxy.port() : port;
                System.out.println("base=" + args[0] + "://127.0.0.1:" + front + " trust="
                        + (https ? TestCertificates.get().trustStore().toString() : "-"));
                System.out.flush();
                while (System.in.read() >= 0) {
                    // serve until the report closes our input (or ends)
                }
            }
        }
        System.exit(0);
    }
}
