package dev.seestack.internal.event;

import java.util.Collection;
import java.util.Map;

/**
 * The cheap estimate of the heap a buffered item retains, taken once per item on the capturing thread: string
 * lengths plus a fixed size per object (64-bit JVM, compressed references, compact strings), without encoding.
 * It bounds the buffers in bytes ({@code bufferBytes}); it need not be exact (a framework's MDC map shared by several
 * events is counted for each), and {@code FullBufferHeapTest} checks what full buffers really retain.
 */
public final class HeapEstimate {
    /** A string: its object and its array's header, then a byte per character (Latin-1, compact strings). */
    static final int STRING_BYTES = 40;
    /** An object of a few fields (an entry, its snapshot, a boxed value). */
    public static final int OBJECT_BYTES = 32;
    /** A map or list: the object and its table. */
    static final int CONTAINER_BYTES = 64;
    /** A map entry or list slot beside its key and value. */
    static final int SLOT_BYTES = 40;
    /** A stack frame: its {@code StackTraceElement} (names interned, shared), array slot and VM backtrace. */
    static final int FRAME_BYTES = 80;
    /** A throwable's own object (cause, detail message and suppressed list references). */
    static final int THROWABLE_BYTES = 64;
    /**
     * Characters of one string counted at most: what is sent of a message. A longer string (a 10 MB exception
     * message or MDC value, the application's own object) would otherwise weigh more than a whole buffer, and the
     * next capture would evict everything buffered to make room beside it.
     */
    static final int MAX_COUNTED_CHARS = LogEntry.MAX_MESSAGE_CHARS;
    /** Causes counted at most, against cycles; a deeper chain is rare and counted as this many. */
    private static final int MAX_CAUSES = 16;
    /** Nesting of metadata values walked at most (sanitized metadata is at most this deep). */
    private static final int MAX_DEPTH = 8;

    private HeapEstimate() {
    }

    /** A string's retained bytes (0 for null, which retains nothing), its length counted up to a bound. */
    public static int of(String s) {
        return s == null ? 0 : STRING_BYTES + Math.min(s.length(), MAX_COUNTED_CHARS);
    }

    /** A metadata value: string, number, boolean, map or collection of those, at any (bounded) depth. */
    public static int ofValue(Object value) {
        return ofValue(value, 0);
    }

    /** A map of strings, such as the MDC copy a framework event carries. */
    public static int ofStrings(Map<String, String> map) {
        if (map == null) {
            return 0;
        }
        int bytes = CONTAINER_BYTES;
        for (Map.Entry<String, String> e : map.entrySet()) {
            bytes += SLOT_BYTES + of(e.getKey()) + of(e.getValue());
        }
        return bytes;
    }

    /** A throwable with its cause chain: each one's object, message and stack frames. */
    public static int ofThrowable(Throwable t) {
        int bytes = 0;
        try {
            for (int n = 0; t != null && n < MAX_CAUSES; n++, t = t.getCause()) {
                // one shallow array copy: the frames themselves are what a framework (Logback's ThrowableProxy)
                // or the sender's rendering materializes anyway
                bytes += THROWABLE_BYTES + of(t.getMessage()) + t.getStackTrace().length * FRAME_BYTES;
            }
        } catch (RuntimeException applicationCode) {
            bytes += THROWABLE_BYTES; // an overridden getMessage or getCause that throws: what was counted stays
        }
        return bytes;
    }

    private static int ofValue(Object value, int depth) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String) {
            return of((String) value);
        }
        if (depth >= MAX_DEPTH) {
            return OBJECT_BYTES;
        }
        if (value instanceof Map) {
            int bytes = CONTAINER_BYTES;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                bytes += SLOT_BYTES + ofValue(e.getKey(), depth + 1) + ofValue(e.getValue(), depth + 1);
            }
            return bytes;
        }
        if (value instanceof Collection) {
            int bytes = CONTAINER_BYTES;
            for (Object element : (Collection<?>) value) {
                bytes += SLOT_BYTES + ofValue(element, depth + 1);
            }
            return bytes;
        }
        return OBJECT_BYTES;
    }
}
