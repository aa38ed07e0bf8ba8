package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.ChildJvm;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk spool across a backend outage and across a {@code kill -9}, in child JVMs whose SDK clock runs 10x
 * fast ({@link TimeScaledScheduler}): a 6 s outage there is the SDK's 60 s (four times its retry budget).
 */
@Timeout(150)
class SpoolOutageTest {
    private static final int OUTAGE_EVENTS = 600;
    private static final int KILLED_EVENTS = 300;

    @TempDir
    Path spoolDir;
    private IngestStub stub;

    @AfterEach
    void stopStub() {
        if (stub != null) {
            try {
                stub.assertAllBodiesValid();
            } finally {
                stub.close();
            }
        }
    }

    @Test
    void withTheSpoolEveryEventLoggedDuringASixtySecondOutageArrivesExactlyOnce() throws Exception {
        Map<String, Long> stats = runOutage(spoolDir.toString());

        Set<String> expected = expected("outage-", OUTAGE_EVENTS);
        expected.addAll(expected("after-", OUTAGE_EVENTS / 6));
        List<String> delivered = Served.messages(Served.accepted(stub, IngestStub.LOGS));
        assertEquals(Map.of(), duplicates(delivered), "nothing arrives twice");
        assertEquals(expected, new HashSet<>(delivered), "every event arrives");
        assertTrue(stats.get("spooled") > 0, "the outage outlasted the retry budget: " + stats);
        assertEquals(stats.get("spooled"), stats.get("resentFromSpool"), stats.toString());
        assertEquals(0, stats.get("droppedAfterRetries") + stats.get("droppedBufferFull")
                + stats.get("droppedSpoolFull"), stats.toString());
        assertEquals(stats.get("captured"), stats.get("sent") + stats.get("spooled"), stats.toString());
        assertEquals(List.of(), SpoolFiles.segments(spoolDir), "answered segments are deleted");
        System.out.println("[spool on] " + stats + ", delivered " + delivered.size());
    }

    @Test
    void withoutTheSpoolTheSameOutageLosesEventsAndCountsEveryLoss() throws Exception {
        Map<String, Long> stats = runOutage("off");

        List<String> delivered = Served.messages(Served.accepted(stub, IngestStub.LOGS));
        assertEquals(Map.of(), duplicates(delivered));
        long lost = stats.get("droppedAfterRetries") + stats.get("droppedBufferFull");
        assertTrue(stats.get("droppedAfterRetries") > 0, "the outage outlasted the retry budget: " + stats);
        assertEquals(0, stats.get("spooled"));
        assertEquals(stats.get("captured"), stats.get("sent") + lost, "every loss is counted: " + stats);
        assertEquals(stats.get("sent"), delivered.size(), stats.toString());
        System.out.println("[spool off] " + stats + ", delivered " + delivered.size());
    }

    @Test
    void whatWasSpooledBeforeAKillMinusNineArrivesAfterARestartAndTheTornTailIsSkipped() throws Exception {
        int port = freePort();
        String host = "http://127.0.0.1:" + port;
        List<String> onDisk;
        try (ChildJvm killed = ChildJvm.start(SpoolingApp.class, host, spoolDir.toString(), "spool-then-hang",
                Integer.toString(KILLED_EVENTS))) {
            killed.awaitLine(Duration.ofSeconds(60), "SPOOLED");
            // the spool writes in the background: wait until all of them are on disk and tail-* records are being
            // written too, then kill while the writer is busy
            dev.seestack.testkit.PollUntil.await(Duration.ofSeconds(20), "killed-* and tail-* records on disk",
                    () -> killedOnDisk().size() == KILLED_EVENTS && onDiskCount() >= KILLED_EVENTS + 50);
            killed.kill();
        }
        for (Path segment : SpoolFiles.segments(spoolDir)) {
            if (segment.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(segment)), "readable by the owner only");
            }
        }
        onDisk = SpoolFiles.pendingBodies(spoolDir).stream().map(b -> Served.json(b).get("message").asText())
                .collect(Collectors.toList());
        SpoolFiles.tearNewestSegment(spoolDir); // make the tear certain, wherever the kill landed

        stub = IngestStub.startOnPort(port);
        try (ChildJvm restarted = ChildJvm.start(SpoolingApp.class, host, spoolDir.toString(), "resend", "0")) {
            restarted.awaitLine(Duration.ofSeconds(30), "STARTED");
            Served.awaitAccepted(stub, IngestStub.LOGS, onDisk.size());
            // the stub has the last request before the child has its answer: wait for the answer to delete the segment
            dev.seestack.testkit.PollUntil.await(Duration.ofSeconds(20), "every segment answered and deleted",
                    () -> noSegments(spoolDir));
            restarted.tell("exit");
            assertEquals(0, restarted.awaitExit(Duration.ofSeconds(30)), restarted.output());
            String output = restarted.output();
            assertTrue(output.contains("torn or corrupt spool record"), output);

            List<String> delivered = Served.messages(Served.accepted(stub, IngestStub.LOGS));
            assertEquals(Map.of(), duplicates(delivered), "nothing arrives twice");
            assertTrue(delivered.containsAll(expected("killed-", KILLED_EVENTS)), "everything spooled before the kill");
            assertEquals(new HashSet<>(onDisk), new HashSet<>(delivered), "exactly what was on disk, no garbage");
            assertTrue(delivered.stream().noneMatch(m -> m.equals("torn-record")), "the torn record is never sent");
            assertEquals(List.of(), SpoolFiles.segments(spoolDir), "every segment answered and deleted");
            System.out.println("[kill -9] on disk " + onDisk.size() + " (" + KILLED_EVENTS + " killed-*, the rest tail-*),"
                    + " delivered "
                    + delivered.size() + "; " + output.lines().filter(l -> l.startsWith("STATS")).findFirst()
                    .orElse(""));
        }
    }

    @Test
    void twoProcessesSharingOneSpoolDirectoryNeitherCorruptNorDoubleSendEachOthersSegments() throws Exception {
        int port = freePort();
        String host = "http://127.0.0.1:" + port;
        try (ChildJvm a = ChildJvm.start(SpoolingApp.class, host, spoolDir.toString(), "outage", "300", "a-");
                ChildJvm b = ChildJvm.start(SpoolingApp.class, host, spoolDir.toString(), "outage", "300", "b-")) {
            a.awaitLine(Duration.ofSeconds(60), "OUTAGE-LOGGED");
            b.awaitLine(Duration.ofSeconds(60), "OUTAGE-LOGGED");
            assertEquals(2, locks(), "one lock file per process");
            stub = IngestStub.startOnPort(port);
            a.tell("backend is up");
            b.tell("backend is up");
            Map<String, Long> statsA = parse(a.awaitLine(Duration.ofSeconds(90), "STATS"));
            Map<String, Long> statsB = parse(b.awaitLine(Duration.ofSeconds(90), "STATS"));
            assertEquals(0, a.awaitExit(Duration.ofSeconds(30)), a.output());
            assertEquals(0, b.awaitExit(Duration.ofSeconds(30)), b.output());

            Set<String> expected = new HashSet<>();
            for (String tag : List.of("a-", "b-")) {
                expected.addAll(expected(tag + "outage-", 300));
                expected.addAll(expected(tag + "after-", 50));
            }
            List<String> delivered = Served.messages(Served.accepted(stub, IngestStub.LOGS));
            assertEquals(Map.of(), duplicates(delivered), "nothing arrives twice");
            assertEquals(expected, new HashSet<>(delivered));
            assertTrue(statsA.get("spooled") > 0 && statsB.get("spooled") > 0, statsA + " / " + statsB);
            assertEquals(statsA.get("spooled"), statsA.get("resentFromSpool"), "each resends its own: " + statsA);
            assertEquals(statsB.get("spooled"), statsB.get("resentFromSpool"), "each resends its own: " + statsB);
            assertEquals(List.of(), SpoolFiles.segments(spoolDir));
            assertEquals(0, locks(), "lock files removed at close");
            System.out.println("[shared dir] a " + statsA + " / b " + statsB);
        }
    }

    private long locks() throws IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(spoolDir)) {
            return files.filter(p -> p.toString().endsWith(".lock")).count();
        }
    }

    /** Runs the child through a 6 s outage (a closed port), starts the backend, and parses its final stats. */
    private Map<String, Long> runOutage(String spool) throws Exception {
        int port = freePort();
        try (ChildJvm child = ChildJvm.start(SpoolingApp.class, "http://127.0.0.1:" + port, spool, "outage",
                Integer.toString(OUTAGE_EVENTS))) {
            child.awaitLine(Duration.ofSeconds(60), "OUTAGE-LOGGED");
            stub = IngestStub.startOnPort(port);
            child.tell("backend is up");
            String stats = child.awaitLine(Duration.ofSeconds(90), "STATS");
            assertEquals(0, child.awaitExit(Duration.ofSeconds(30)), child.output());
            return parse(stats);
        }
    }

    private int onDiskCount() {
        try {
            return SpoolFiles.pendingBodies(spoolDir).size();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean noSegments(Path dir) {
        try {
            return SpoolFiles.segments(dir).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> killedOnDisk() {
        try {
            return SpoolFiles.pendingBodies(spoolDir).stream().filter(b -> b.contains("\"killed-"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, Long> parse(String statsLine) {
        Map<String, Long> m = new HashMap<>();
        for (String part : statsLine.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(eq + 1).matches("-?\\d+")) {
                m.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        }
        return m;
    }

    private static Map<String, Long> duplicates(List<String> messages) {
        Map<String, Long> counts = messages.stream().collect(Collectors.groupingBy(m -> m, Collectors.counting()));
        counts.values().removeIf(c -> c == 1);
        return counts;
    }

    private static Set<String> expected(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.toCollection(HashSet::new));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
