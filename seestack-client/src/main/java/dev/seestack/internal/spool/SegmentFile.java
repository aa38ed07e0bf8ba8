package dev.seestack.internal.spool;

import dev.seestack.internal.event.Feature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The on-disk format of a spool segment: an 8-byte header (magic, version), then records framed as
 * {@code length:int crc32:int state:byte} followed by {@code length} payload bytes
 * ({@code feature:byte itemCount:int body}). The CRC covers the payload; the state byte (pending/answered) is
 * rewritten in place once the backend answered the request. A record cut short or failing its CRC (a torn tail
 * after {@code kill -9}) ends the readable part of the file: it and everything after it are skipped, never sent.
 */
final class SegmentFile {
    static final int MAGIC = 0x53535031; // "SSP1"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 8;
    /** length + crc + state. */
    static final int FRAME_BYTES = 9;
    /** feature code + item count. */
    static final int PAYLOAD_PREFIX_BYTES = 5;
    /** Larger lengths are corruption: no request body is anywhere near this. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
    static final byte PENDING = 0;
    static final byte ANSWERED = 1;
    private static final int STATE_OFFSET = 8;

    private SegmentFile() {
    }

    /** Writes the header of a new, empty segment. */
    static void writeHeader(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION);
        header.flip();
        writeFully(channel, header, 0);
    }

    /** Appends one pending record at {@code position} (the end of the file) and returns where it lies. */
    static RecordRef append(FileChannel channel, long position, Feature feature, int itemCount, byte[] body)
            throws IOException {
        int payloadLength = PAYLOAD_PREFIX_BYTES + body.length;
        ByteBuffer record = ByteBuffer.allocate(FRAME_BYTES + payloadLength);
        record.putInt(payloadLength).putInt(0).put(PENDING).put(code(feature)).putInt(itemCount).put(body);
        record.putInt(4, crc(record.array(), FRAME_BYTES, payloadLength));
        record.flip();
        writeFully(channel, record, position);
        return new RecordRef(position, feature, itemCount, body.length);
    }

    /**
     * Reads every record of a segment: the pending ones in file order, and how many bytes at the end were
     * skipped as torn or corrupt (0 for a clean file). A file without a valid header yields no record.
     */
    static Scan scan(FileChannel channel) throws IOException {
        long size = channel.size();
        List<RecordRef> pending = new ArrayList<>();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        if (size < HEADER_BYTES || readFully(channel, header, 0) < HEADER_BYTES || header.getInt(0) != MAGIC) {
            return new Scan(pending, 0, size);
        }
        long position = HEADER_BYTES;
        long answered = 0;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES);
        while (position < size) {
            frame.clear();
            if (size - position < FRAME_BYTES || readFully(channel, frame, position) < FRAME_BYTES) {
                break;
            }
            int length = frame.getInt(0);
            int expectedCrc = frame.getInt(4);
            byte state = frame.get(STATE_OFFSET);
            if (length < PAYLOAD_PREFIX_BYTES || length > MAX_PAYLOAD_BYTES || size - position - FRAME_BYTES < length
                    || (state != PENDING && state != ANSWERED)) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            if (readFully(channel, payload, position + FRAME_BYTES) < length
                    || crc(payload.array(), 0, length) != expectedCrc) {
                break;
            }
            Feature feature = feature(payload.get(0));
            int itemCount = payload.getInt(1);
            if (feature == null || itemCount < 1) {
                break;
            }
            if (state == PENDING) {
                pending.add(new RecordRef(position, feature, itemCount, length - PAYLOAD_PREFIX_BYTES));
            } else {
                answered++;
            }
            position += FRAME_BYTES + length;
        }
        return new Scan(pending, answered, size - position);
    }

    /** The body of a record, or null when the bytes on disk no longer match their CRC. */
    static byte[] readBody(FileChannel channel, RecordRef ref) throws IOException {
        int length = PAYLOAD_PREFIX_BYTES + ref.bodyLength;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES);
        ByteBuffer payload = ByteBuffer.allocate(length);
        if (readFully(channel, frame, ref.position) < FRAME_BYTES || frame.getInt(0) != length
                || readFully(channel, payload, ref.position + FRAME_BYTES) < length
                || crc(payload.array(), 0, length) != frame.getInt(4)) {
            return null;
        }
        byte[] body = new byte[ref.bodyLength];
        System.arraycopy(payload.array(), PAYLOAD_PREFIX_BYTES, body, 0, ref.bodyLength);
        return body;
    }

    /** Marks a record answered (2xx or a permanent-drop status), so a restart does not send it again. */
    static void markAnswered(FileChannel channel, RecordRef ref) throws IOException {
        writeFully(channel, ByteBuffer.wrap(new byte[] {ANSWERED}), ref.position + STATE_OFFSET);
    }

    /** The stable one-byte code of a feature on disk (independent of the enum's order). */
    static byte code(Feature feature) {
        switch (feature) {
            case ERRORS:
                return 'E';
            case LOGS:
                return 'L';
            case HTTP_REQUESTS:
                return 'H';
            case HEARTBEATS:
                return 'B';
            default:
                throw new IllegalArgumentException("no spool code for " + feature);
        }
    }

    static Feature feature(byte code) {
        switch (code) {
            case 'E':
                return Feature.ERRORS;
            case 'L':
                return Feature.LOGS;
            case 'H':
                return Feature.HTTP_REQUESTS;
            case 'B':
                return Feature.HEARTBEATS;
            default:
                return null;
        }
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** What {@link #scan} found in one file. */
    static final class Scan {
        final List<RecordRef> pending;
        final long answered;
        /** Bytes after the last valid record: a torn or corrupt tail, skipped. */
        final long skippedBytes;

        Scan(List<RecordRef> pending, long answered, long skippedBytes) {
            this.pending = pending;
            this.answered = answered;
            this.skippedBytes = skippedBytes;
        }
    }
}
