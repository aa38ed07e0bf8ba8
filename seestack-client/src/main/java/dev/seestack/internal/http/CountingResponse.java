package dev.seestack.internal.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/** Wraps a servlet response to count the body bytes the application writes (stream or writer). */
final class CountingResponse extends HttpServletResponseWrapper {
    private final ByteCounter counter = new ByteCounter();
    private ServletOutputStream stream;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response) {
        super(response);
    }

    long bytesWritten() {
        return counter.get();
    }

    @Override
    public synchronized ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new CountingOutputStream(super.getOutputStream(), counter);
        }
        return stream;
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
        if (writer == null) {
            PrintWriter original = super.getWriter();
            Charset charset = charset(getCharacterEncoding());
            writer = new PrintWriter(new CountingWriter(original, counter, charset), false);
        }
        return writer;
    }

    private static Charset charset(String name) {
        try {
            return name == null ? null : Charset.forName(name);
        } catch (RuntimeException e) {
            return null; // counted as UTF-8
        }
    }

    private static final class CountingOutputStream extends ServletOutputStream {
        private final ServletOutputStream delegate;
        private final ByteCounter counter;

        CountingOutputStream(ServletOutputStream delegate, ByteCounter counter) {
            this.delegate = delegate;
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
            counter.add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
            counter.add(len);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }

    private static final class CountingWriter extends Writer {
        private final PrintWriter delegate;
        private final ByteCounter counter;
        private final Charset charset;

        CountingWriter(PrintWriter delegate, ByteCounter counter, Charset charset) {
            super(delegate);
            this.delegate = delegate;
            this.counter = counter;
            this.charset = charset;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            delegate.write(buf, off, len);
            counter.addChars(java.nio.CharBuffer.wrap(buf, off, len), charset);
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
}
