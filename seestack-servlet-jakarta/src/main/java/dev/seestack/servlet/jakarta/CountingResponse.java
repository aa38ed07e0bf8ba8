package dev.seestack.servlet.jakarta;

import dev.seestack.internal.http.ByteCounter;
import dev.seestack.internal.http.CountingWriter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

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
            writer = CountingWriter.around(super.getWriter(), getCharacterEncoding(), counter);
        }
        return writer;
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
}
