package dev.seestack.servlet.jakarta;

import dev.seestack.internal.http.ByteCounter;
import dev.seestack.internal.http.CountingWriter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Wraps a servlet response to count the body bytes the application writes (stream or writer), and notes whether
 * an error status was sent (the container then renders an error page in an ERROR dispatch).
 */
final class CountingResponse extends HttpServletResponseWrapper {
    private final ByteCounter counter;
    private volatile boolean errorSent;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response) {
        this(response, new ByteCounter());
    }

    private CountingResponse(HttpServletResponse response, ByteCounter counter) {
        super(response);
        this.counter = counter;
    }

    /**
     * A wrapper of the error page dispatch's response adding to the same count; a response not yet committed is
     * reset by the container before the page, so what was counted before was never sent.
     */
    CountingResponse errorPageResponse(HttpServletResponse response) {
        if (!response.isCommitted()) {
            counter.reset();
        }
        return new CountingResponse(response, counter);
    }

    long bytesWritten() {
        return counter.get();
    }

    boolean errorSent() {
        return errorSent;
    }

    @Override
    public void sendError(int sc) throws IOException {
        errorSent = true;
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        errorSent = true;
        super.sendError(sc, msg);
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
