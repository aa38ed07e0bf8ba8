package dev.seestack.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One direction of a delay-proxy connection: the chunks read from one side, each written to the other side once
 * due, in order; the end of the stream is passed on as a half-close once the chunks before it are written.
 */
final class DelayedStream {
    /** Bytes held above which the proxy stops reading this direction until the other side takes them. */
    static final long PENDING_LIMIT = 1 << 20;

    /** A chunk to write at {@code due}; no bytes: the end of the stream. */
    private record Chunk(long due, ByteBuffer bytes) {
    }

    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private long pendingBytes;
    private boolean endRead;
    private boolean endWritten;
    private boolean blocked;

    /** Whether to read more from the source side: not at its end, and not holding too much already. */
    boolean wantsRead() {
        return !endRead && pendingBytes < PENDING_LIMIT;
    }

    /** Whether a due chunk waits for room in the destination's send buffer. */
    boolean blocked() {
        return blocked;
    }

    /** Whether the end of the stream has been passed on (the destination's output is shut). */
    boolean ended() {
        return endWritten;
    }

    /**
     * Reads what {@code from} has (through {@code buffer}) into a chunk due at {@code due}; returns whether a chunk
     * (bytes or the end) was queued. A failed read ends the stream like an end of stream.
     */
    boolean readFrom(SocketChannel from, ByteBuffer buffer, long due) {
        buffer.clear();
        int n;
        try {
            n = from.read(buffer);
        } catch (IOException reset) {
            n = -1;
        }
        if (n == 0) {
            return false;
        }
        if (n < 0) {
            endRead = true;
            chunks.addLast(new Chunk(due, null));
            return true;
        }
        buffer.flip();
        chunks.addLast(new Chunk(due, ByteBuffer.allocate(n).put(buffer).flip()));
        pendingBytes += n;
        return true;
    }

    /** Writes to {@code to} the chunks due by {@code now}, as far as its send buffer takes them. */
    void writeDue(SocketChannel to, long now) throws IOException {
        Chunk head;
        while ((head = chunks.peekFirst()) != null && head.due - now <= 0) {
            if (head.bytes == null) {
                chunks.pollFirst();
                to.shutdownOutput();
                endWritten = true;
                break;
            }
            pendingBytes -= to.write(head.bytes);
            if (head.bytes.hasRemaining()) {
                blocked = true;
                return;
            }
            chunks.pollFirst();
        }
        blocked = false;
    }
}
