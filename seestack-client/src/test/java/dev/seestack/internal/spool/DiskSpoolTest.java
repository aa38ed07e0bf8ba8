package dev.seestack.internal.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.internal.delivery.RetryDecision;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import dev.seestack.testkit.PollUntil;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The spool end to end on a real directory: a scripted backend, a manual clock. */
@Timeout(30)
class DiskSpoolTest {
    @TempDir
    Path dir;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();
    private final Backend backend = new Backend();
    private final List<DiskSpool> started = new ArrayList<>();

    @AfterEach
    void closeAll() {
        started.forEach(DiskSpool::close);
    }

    @Test
    void spooledRequestsAreResentOldestFirstOnceTheBackendAcceptsAgain() {
        DiskSpool spool = start(DiskSpool.DEFAULT_MAX_BYTES);
        for (int i = 0; i < 5; i++) {
            assertTrue(offer(spool, i));
        }
        awaitBacklog(spool, 5);
        assertEquals(List.of(), backend.received, "nothing resent while no request succeeds");

        backend.up = true;
        spool.onDelivered();

        PollUntil.await("all resent", () -> spool.counters().resentFromSpool(Feature.LOGS) == 5);
        assertEquals(messages(0, 5), backend.received, "oldest first, each once");
        assertEquals(0, spool.backlog(Feature.LOGS));
    }

    @Test
    void aRecordWrittenAfterTheBackendAcceptedARequestIsResentWithoutWaitingForAProbe() {
        DiskSpool spool = start(DiskSpool.DEFAULT_MAX_BYTES);
        PollUntil.await("resender idle", spool::resenderIdle);
        backend.up = true;
        // spooling counts a record before its write lands, so the engine's 2xx can come before the write
        spool.onDelivered();
        offer(spool, 0);

        PollUntil.await("resent", () -> spool.counters().resentFromSpool(Feature.LOGS) == 1);
        assertEquals(List.of(), scheduler.requestedDelays(), "no probe waited for");
    }

    @Test
    void aFailedResendIsProbedAgainAfterTheBackoff() {
        DiskSpool spool = start(DiskSpool.DEFAULT_MAX_BYTES);
        offer(spool, 0);
        awaitBacklog(spool, 1);
        // the spool's thread either finds the record while it starts and tries it at once (then waits the first
        // probe delay) or waits the first probe delay for it; advancing before that wait is scheduled runs nothing
        PollUntil.await("first wait scheduled", () -> scheduler.requestedDelays().size() == 1);
        scheduler.advance(SpoolResender.FIRST_PROBE_MS); // a probe: still down
        PollUntil.await("probe failed", () -> backend.attempts >= 1);
        PollUntil.await("next probe scheduled", () -> scheduler.requestedDelays().size() == 2);
        assertEquals(List.of(SpoolResender.FIRST_PROBE_MS, 2 * SpoolResender.FIRST_PROBE_MS),
                scheduler.requestedDelays(), "probes back off");

        backend.up = true;
        scheduler.advance(2 * SpoolResender.FIRST_PROBE_MS);

        PollUntil.await("resent", () -> spool.counters().resentFromSpool(Feature.LOGS) == 1);
        assertEquals(messages(0, 1), backend.received);
    }

    @Test
    void whatIsLeftOnDiskIsResentAtTheNextStartExactlyOnce() {
        DiskSpool first = start(DiskSpool.DEFAULT_MAX_BYTES);
        for (int i = 0; i < 4; i++) {
            offer(first, i);
        }
        first.close();
        assertEquals(0, first.counters().droppedSpoolFull(Feature.LOGS), "everything was written before close");

        backend.up = true;
        DiskSpool next = start(DiskSpool.DEFAULT_MAX_BYTES);

        PollUntil.await("resent at start", () -> next.counters().resentFromSpool(Feature.LOGS) == 4);
        next.close();
        assertEquals(messages(0, 4), backend.received);
        assertEquals(List.of(), segments(), "answered segments are deleted");

        DiskSpool third = start(DiskSpool.DEFAULT_MAX_BYTES);
        third.close();
        assertEquals(4, backend.received.size(), "nothing is sent twice");
    }

    @Test
    void aTornTailLeftByAKilledProcessIsSkippedNeverSent() throws IOException {
        DiskSpool first = start(DiskSpool.DEFAULT_MAX_BYTES);
        for (int i = 0; i < 3; i++) {
            offer(first, i);
        }
        first.close();
        Path segment = segments().get(0);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            // the frame of a fourth record that kill -9 cut short: its length promises more bytes than follow
            ByteBuffer torn = ByteBuffer.allocate(20).putInt(400).putInt(123).put((byte) 0).put((byte) 'L');
            torn.flip();
            ch.write(torn, ch.size());
        }

        backend.up = true;
        DiskSpool next = start(DiskSpool.DEFAULT_MAX_BYTES);

        PollUntil.await("resent", () -> next.counters().resentFromSpool(Feature.LOGS) == 3);
        next.close();
        assertEquals(messages(0, 3), backend.received);
        assertEquals(1, sink.containing("torn or corrupt spool record").size(), sink.lines().toString());
    }

    @Test
    void permanentlyRefusedResendsAreCountedAndNeverSentAgain() {
        backend.up = true;
        backend.answer = RetryDecision.REJECTED;
        DiskSpool spool = start(DiskSpool.DEFAULT_MAX_BYTES);
        offer(spool, 0);
        PollUntil.await("written", () -> backend.attempts == 1 || spool.backlog(Feature.LOGS) == 1);
        spool.onDelivered();

        PollUntil.await("refused", () -> spool.counters().rejectedFromSpool(Feature.LOGS) == 1);
        spool.close();
        DiskSpool next = start(DiskSpool.DEFAULT_MAX_BYTES);
        next.close();
        assertEquals(1, backend.attempts);
        assertEquals(List.of(), segments());
    }

    @Test
    void whenFullTheOldestSegmentIsEvictedAndItsItemsCounted() {
        long max = 64 * 1024; // segments of 16 KiB
        DiskSpool spool = start(max);
        int offered = 200;
        for (int i = 0; i < offered; i++) {
            assertTrue(offer(spool, i, 1000));
        }
        PollUntil.await("all written or evicted", () -> spool.backlog(Feature.LOGS)
                + spool.counters().droppedSpoolFull(Feature.LOGS) == offered);
        long dropped = spool.counters().droppedSpoolFull(Feature.LOGS);
        assertTrue(dropped > 0, "the cap was reached");
        assertTrue(directoryBytes() <= max + SpoolWriter.segmentBytesFor(max), "the cap holds: " + directoryBytes());

        backend.up = true;
        spool.onDelivered();
        PollUntil.await("the rest resent", () -> spool.counters().resentFromSpool(Feature.LOGS) == offered - dropped);
        assertEquals(messages((int) dropped, offered), backend.received, "the oldest went first, the newest arrive");
    }

    @Test
    void aDirectoryThatCannotBeUsedTurnsTheSpoolOffWithOneWarning() throws IOException {
        Path file = Files.createFile(dir.resolve("not-a-directory"));
        DiskSpool spool = DiskSpool.start(file, DiskSpool.DEFAULT_MAX_BYTES, scheduler, new Diagnostics(false, sink),
                backend);
        started.add(spool);
        PollUntil.await("warned", () -> sink.containing("cannot use spoolDir").size() == 1);
        assertEquals(false, offer(spool, 0), "refused, so the caller counts its drop as without a spool");
    }

    private DiskSpool start(long maxBytes) {
        DiskSpool spool = DiskSpool.start(dir, maxBytes, scheduler, new Diagnostics(false, sink), backend);
        started.add(spool);
        return spool;
    }

    private static boolean offer(DiskSpool spool, int i) {
        return offer(spool, i, 0);
    }

    private static boolean offer(DiskSpool spool, int i, int padding) {
        String body = "{\"message\":\"m" + i + "\",\"pad\":\"" + "x".repeat(padding) + "\"}";
        return spool.offer(Feature.LOGS, 1, () -> body.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitBacklog(DiskSpool spool, long n) {
        PollUntil.await(n + " records on disk", () -> spool.backlog(Feature.LOGS) == n);
    }

    private static List<String> messages(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "m" + i).collect(Collectors.toList());
    }

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(SpoolDirectory.SEGMENT_SUFFIX)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private long directoryBytes() {
        return segments().stream().mapToLong(p -> p.toFile().length()).sum();
    }

    /** A backend that refuses connections until {@link #up}, then answers {@link #answer}. */
    static final class Backend implements ResendChannel {
        volatile boolean up;
        volatile RetryDecision answer = RetryDecision.DELIVERED;
        volatile int attempts;
        final List<String> received = Collections.synchronizedList(new ArrayList<>());

        @Override
        public RetryDecision send(Feature feature, byte[] body) throws IOException {
            attempts++;
            if (!up) {
                throw new IOException("connection refused");
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if (answer == RetryDecision.DELIVERED) {
                received.add(text.substring(text.indexOf(":\"") + 2, text.indexOf("\",")));
            }
            return answer;
        }
    }
}
