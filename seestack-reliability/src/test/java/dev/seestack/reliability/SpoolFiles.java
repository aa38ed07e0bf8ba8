package dev.seestack.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Reads spool segments independently of the SDK, from the format documented in RELIABILITY.md: an 8-byte header,
 * then {@code length:int crc32:int state:byte} frames over {@code feature:byte itemCount:int body}. The test's
 * own oracle for what a killed process left on disk.
 */
final class SpoolFiles {
    private SpoolFiles() {
    }

    static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().collect(Collectors.toList());
        }
    }

    /** Bodies of the complete, CRC-valid, not yet answered records in every segment of {@code dir}. */
    static List<String> pendingBodies(Path dir) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (Path segment : segments(dir)) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(segment));
            if (b.remaining() < 8) {
                continue;
            }
            b.position(8);
            while (b.remaining() >= 9) {
                int length = b.getInt();
                int crc = b.getInt();
                byte state = b.get();
                if (length < 5 || length > b.remaining()) {
                    break;
                }
                byte[] payload = new byte[length];
                b.get(payload);
                CRC32 c = new CRC32();
                c.update(payload);
                if ((int) c.getValue() != crc) {
                    break;
                }
                if (state == 0) {
                    bodies.add(new String(payload, 5, length - 5, StandardCharsets.UTF_8));
                }
            }
        }
        return bodies;
    }

    /** Appends the first half of a record to the newest segment: the tear a kill -9 in the middle of a write leaves. */
    static void tearNewestSegment(Path dir) throws IOException {
        List<Path> all = segments(dir);
        Path newest = all.get(all.size() - 1);
        byte[] body = "{\"level\":\"info\",\"message\":\"torn-record\"}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer record = ByteBuffer.allocate(9 + 5 + body.length);
        record.putInt(5 + body.length).putInt(0).put((byte) 0).put((byte) 'L').putInt(1).put(body);
        byte[] half = new byte[record.capacity() / 2];
        System.arraycopy(record.array(), 0, half, 0, half.length);
        Files.write(newest, half, java.nio.file.StandardOpenOption.APPEND);
    }
}
