package dev.seestack.reliability;

import dev.seestack.FeatureStats;
import dev.seestack.SeeStackClient;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientComponents;
import dev.seestack.testkit.IngestStub;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM logging through the SDK on a {@link TimeScaledScheduler} (10x), for the spool scenarios of
 * {@link SpoolOutageTest}. Arguments: {@code host spoolDir|off mode count [messagePrefix]}. It prints markers on stdout and
 * waits for a line on stdin where the parent must act (start the backend, or let it exit).
 * <ul>
 *   <li>{@code outage}: logs {@code outage-0..count-1} over {@link #OUTAGE_REAL_MS} with the backend down,
 *       prints {@code OUTAGE-LOGGED}, waits for stdin, logs {@code count/6} {@code after-*} messages, waits until
 *       nothing is pending (nor on disk), prints {@code STATS ...} and closes.</li>
 *   <li>{@code spool-then-hang}: logs {@code killed-*} until all are handed to the spool, prints {@code SPOOLED},
 *       then keeps logging {@code tail-*} until it is killed.</li>
 *   <li>{@code resend}: logs nothing, prints {@code STARTED}, waits for stdin, closes and prints its stats.</li>
 * </ul>
 */
final class SpoolingApp {
    static final long TIME_SCALE = 10;
    /** 6 s of real time: 60 s of the SDK's scaled clock. */
    static final long OUTAGE_REAL_MS = 6000;

    private SpoolingApp() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        String spoolDir = args[1];
        String mode = args[2];
        int count = Integer.parseInt(args[3]);
        String tag = args.length > 4 ? args[4] : "";
        SeeStackConfig.Builder config = SeeStackConfig.builder(n -> null).apiKey(IngestStub.API_KEY).host(host)
                .environment("test");
        if (!spoolDir.equals("off")) {
            config.spoolDir(spoolDir);
        }
        SeeStackClient client = dev.seestack.internal.ClientAccess.create(config.build(),
                ClientComponents.defaults().scheduler(() -> new TimeScaledScheduler(TIME_SCALE)));
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (mode) {
            case "outage":
                logPaced(client, tag + "outage-", count, OUTAGE_REAL_MS);
                say("OUTAGE-LOGGED");
                stdin.readLine();
                logPaced(client, tag + "after-", count / 6, 1000);
                boolean settled = awaitSettled(client, 60_000);
                client.close();
                say("STATS settled=" + settled + " " + line(client.stats().logs()));
                System.exit(settled ? 0 : 2);
                break;
            case "spool-then-hang":
                logPaced(client, "killed-", count, 2000);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (client.stats().logs().spooled() < count && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                say("SPOOLED " + line(client.stats().logs()));
                for (long i = 0; ; i++) {
                    client.captureLog("info", "tail-" + i, null); // about 1000/s: the spool keeps writing them
                    Thread.sleep(1);
                }
            case "resend":
                say("STARTED");
                stdin.readLine();
                client.close();
                say("STATS " + line(client.stats().logs()));
                System.exit(0);
                break;
            default:
                throw new IllegalArgumentException(mode);
        }
    }

    /** Logs {@code n} messages evenly over {@code realMs}. */
    private static void logPaced(SeeStackClient client, String prefix, int n, long realMs) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + TimeUnit.MILLISECONDS.toNanos(realMs) * i / n;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            client.captureLog("info", prefix + i, null);
        }
    }

    /** Nothing pending in memory, and everything spooled has come back out (resent or counted as lost). */
    private static boolean awaitSettled(SeeStackClient client, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            FeatureStats s = client.stats().logs();
            if (s.pending() == 0 && s.spooled() == s.resentFromSpool() + s.rejectedFromSpool() + s.droppedSpoolFull()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    static String line(FeatureStats s) {
        return "captured=" + s.captured() + " sent=" + s.sent() + " droppedBufferFull=" + s.droppedBufferFull()
                + " droppedAfterRetries=" + s.droppedAfterRetries() + " rejected=" + s.rejected()
                + " droppedDisabled=" + s.droppedDisabled() + " spooled=" + s.spooled() + " resentFromSpool="
                + s.resentFromSpool() + " rejectedFromSpool=" + s.rejectedFromSpool() + " droppedSpoolFull="
                + s.droppedSpoolFull() + " pending=" + s.pending();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
