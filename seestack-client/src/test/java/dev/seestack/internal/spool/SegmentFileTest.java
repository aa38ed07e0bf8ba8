package dev.seestack.internal.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.seestack.internal.event.Feature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment framing: length + CRC32 records, a torn or corrupt tail skipped, answered records kept out. */
class SegmentFileTest {
    @TempDir
    Path dir;

    @Test
    void readsBackEveryRecordWithItsFeatureItemCountAndBody() throws IOException {
        Path file = dir.resolve("a.seg");
        try (FileChannel ch = open(file)) {
            List<byte[]> bodies = writeRecords(ch, 3);
            SegmentFile.Scan scan = SegmentFile.scan(ch);
            assertEquals(3, scan.pending.size());
            assertEquals(0, scan.skippedBytes);
            for (int i = 0; i < 3; i++) {
                RecordRef ref = scan.pending.get(i);
                assertEquals(i == 1 ? Feature.HTTP_REQUESTS : Feature.LOGS, ref.feature);
                assertEquals(i == 1 ? 7 : 1, ref.itemCount);
                assertArrayEquals(bodies.get(i), SegmentFile.readBody(ch, ref));
            }
        }
    }

    @Test
    void aTornLastRecordIsSkippedAndTheOnesBeforeItAreKept() throws IOException {
        Path file = dir.resolve("torn.seg");
        try (FileChannel ch = open(file)) {
            writeRecords(ch, 3);
            long full = ch.size();
            for (long cut = 1; cut < 30; cut++) {
                ch.truncate(full - cut); // kill -9 in the middle of the last write
                SegmentFile.Scan scan = SegmentFile.scan(ch);
                assertEquals(2, scan.pending.size(), "cut " + cut);
                assertEquals(scan.pending.get(1).position + scan.pending.get(1).frameBytes() + scan.skippedBytes,
                        ch.size());
            }
        }
    }

    @Test
    void aRecordWhoseBytesDoNotMatchTheirCrcEndsTheReadablePart() throws IOException {
        Path file = dir.resolve("corrupt.seg");
        try (FileChannel ch = open(file)) {
            writeRecords(ch, 3);
            RecordRef second = SegmentFile.scan(ch).pending.get(1);
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), second.position + SegmentFile.FRAME_BYTES + 8);
            SegmentFile.Scan scan = SegmentFile.scan(ch);
            assertEquals(1, scan.pending.size(), "the corrupt record and everything after it are skipped");
            assertNull(SegmentFile.readBody(ch, second), "a corrupt body is never handed out");
        }
    }

    @Test
    void garbageAfterTheLastRecordIsSkipped() throws IOException {
        Path file = dir.resolve("garbage.seg");
        try (FileChannel ch = open(file)) {
            writeRecords(ch, 2);
            long size = ch.size();
            ch.write(ByteBuffer.wrap("{\"message\":\"half a rec".getBytes(StandardCharsets.UTF_8)), size);
            SegmentFile.Scan scan = SegmentFile.scan(ch);
            assertEquals(2, scan.pending.size());
            assertEquals(22, scan.skippedBytes);
        }
    }

    @Test
    void answeredRecordsAreNotPendingAfterARestart() throws IOException {
        Path file = dir.resolve("answered.seg");
        try (FileChannel ch = open(file)) {
            writeRecords(ch, 3);
            SegmentFile.markAnswered(ch, SegmentFile.scan(ch).pending.get(0));
        }
        try (FileChannel ch = SpoolDirectory.openSegment(file)) {
            SegmentFile.Scan scan = SegmentFile.scan(ch);
            assertEquals(2, scan.pending.size());
            assertEquals(1, scan.answered);
        }
    }

    @Test
    void aFileWithoutTheHeaderYieldsNothing() throws IOException {
        Path file = dir.resolve("foreign.seg");
        try (FileChannel ch = open(file)) {
            ch.write(ByteBuffer.wrap("not a spool file at all".getBytes(StandardCharsets.UTF_8)), 0);
            assertEquals(0, SegmentFile.scan(ch).pending.size());
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Writes n records (the second one an HTTP batch of 7 items) after a header. */
    static List<byte[]> writeRecords(FileChannel ch, int n) throws IOException {
        SegmentFile.writeHeader(ch);
        List<byte[]> bodies = new ArrayList<>();
        long position = SegmentFile.HEADER_BYTES;
        for (int i = 0; i < n; i++) {
            byte[] body = ("{\"level\":\"info\",\"message\":\"record " + i + "\"}").getBytes(StandardCharsets.UTF_8);
            Feature feature = i == 1 ? Feature.HTTP_REQUESTS : Feature.LOGS;
            RecordRef ref = SegmentFile.append(ch, position, feature, i == 1 ? 7 : 1, body);
            position += ref.frameBytes();
            bodies.add(body);
        }
        return bodies;
    }
}
