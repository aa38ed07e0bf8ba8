package dev.seestack.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seestack.testkit.ContractSchemas;
import dev.seestack.testkit.DelayProxy;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A new JVM loses nothing from its first second: a service restarted under load (a rolling deploy) logs at once
 * into a client that has not yet heard from a backend 50 ms away, with a JIT that has compiled nothing yet.
 * Deliveries and drops are asserted, never time. Skipped on a machine whose run queue holds more than twice its
 * CPUs (several builds at once): a new JVM then gets a sliver of a core, and no buffer of the documented size
 * absorbs the seconds it needs before its first requests are answered.
 */
@Timeout(180)
class ColdStartTest {
    @Test
    void aNewJvmOfferingAThousandLogsPerSecondAcross50msWithDefaultSettingsLosesNothing() throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        assumeTrue(load < 2 * cpus, "load average " + load + " on " + cpus + " CPUs: a new JVM would measure the load");
        int perSecond = 1000;
        int seconds = 5;
        try (ScriptedHttpServer backend = ScriptedHttpServer.onLoopback(
                    r -> ScriptedHttpServer.Answer.keepOpen("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
                DelayProxy far = DelayProxy.to("127.0.0.1", backend.port(), 50)) {
            String[] stats = runChild("http://127.0.0.1:" + far.port(), perSecond, seconds).split(" ");
            long offered = (long) perSecond * seconds;
            String line = String.join(" ", stats);
            assertEquals(offered, Long.parseLong(stats[1]), "captured: " + line);
            assertEquals(0, Long.parseLong(stats[3]), "droppedBufferFull: " + line);
            assertEquals(0, Long.parseLong(stats[4]), "droppedAfterRetries: " + line);
            assertEquals(offered, Long.parseLong(stats[2]), "sent: " + line);
            assertEquals(offered, backend.requests().size());
            for (ScriptedHttpServer.Request r : backend.requests()) {
                ContractSchemas.assertValid(IngestStub.LOGS, r.body());
            }
            System.out.println("COLD START 50ms RTT: " + line);
        }
    }

    /** Runs {@link ColdStartChild} in a new JVM on this test's class path; its {@code STATS} line. */
    private static String runChild(String host, int perSecond, int seconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("seestack-cold-start-", ".log");
        try {
            Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ColdStartChild.class.getName(), host,
                    IngestStub.API_KEY, String.valueOf(perSecond), String.valueOf(seconds))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!child.waitFor(150, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM did not end: " + Files.readString(output));
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return lines.stream().filter(l -> l.startsWith("STATS ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no STATS line: " + lines));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
