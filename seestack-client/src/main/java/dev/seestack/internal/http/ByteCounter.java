package dev.seestack.internal.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts body bytes seen by the stream/writer wrappers of the HTTP integrations; chars written through a
 * writer are counted as encoded bytes.
 */
public final class ByteCounter {
    private final AtomicLong bytes = new AtomicLong();

    /** Adds {@code n} bytes (ignored when not positive). */
    public void add(long n) {
        if (n > 0) {
            bytes.addAndGet(n);
        }
    }

    /** Adds the encoded length of {@code chars} in {@code charset} (UTF-8 when null). */
    public void addChars(CharSequence chars, Charset charset) {
        if (chars == null || chars.length() == 0) {
            return;
        }
        if (charset == null || StandardCharsets.UTF_8.equals(charset)) {
            add(utf8Length(chars));
        } else {
            add(chars.toString().getBytes(charset).length);
        }
    }

    /** Forgets the bytes counted so far (a response buffer the container discarded before an error page). */
    public void reset() {
        bytes.set(0);
    }

    /** The bytes counted so far. */
    public long get() {
        return bytes.get();
    }

    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
