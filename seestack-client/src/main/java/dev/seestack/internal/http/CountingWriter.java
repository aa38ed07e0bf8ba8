package dev.seestack.internal.http;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;

/**
 * A writer that passes characters to a response's {@link PrintWriter} and counts them as bytes in the
 * response's character encoding; shared by the servlet integrations' response wrappers.
 */
public final class CountingWriter extends Writer {
    private final PrintWriter delegate;
    private final ByteCounter counter;
    private final Charset charset;

    private CountingWriter(PrintWriter delegate, ByteCounter counter, Charset charset) {
        super(delegate);
        this.delegate = delegate;
        this.counter = counter;
        this.charset = charset;
    }

    /**
     * A print writer over {@code original} counting into {@code counter}; {@code encoding} is the response's
     * character encoding name (unknown or null: counted as UTF-8).
     */
    public static PrintWriter around(PrintWriter original, String encoding, ByteCounter counter) {
        return new PrintWriter(new CountingWriter(original, counter, charset(encoding)), false);
    }

    private static Charset charset(String name) {
        try {
            return name == null ? null : Charset.forName(name);
        } catch (RuntimeException e) {
            return null; // counted as UTF-8
        }
    }

    @Override
    public void write(char[] buf, int off, int len) {
        delegate.write(buf, off, len);
        counter.addChars(CharBuffer.wrap(buf, off, len), charset);
    }

    @Override
    public void write(String s, int off, int len) {
        delegate.write(s, off, len);
        counter.addChars(s.substring(off, off + len), charset);
    }

    @Override
    public void write(int c) {
        delegate.write(c);
        counter.addChars(String.valueOf((char) c), charset);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
