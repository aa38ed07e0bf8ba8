package dev.seestack.servlet.jakarta;

import dev.seestack.internal.http.ByteCounter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/** Wraps a request without {@code Content-Length} (chunked) to count the body bytes the application reads. */
final class CountingRequest extends HttpServletRequestWrapper {
    private final ByteCounter counter = new ByteCounter();
    private ServletInputStream stream;

    CountingRequest(HttpServletRequest request) {
        super(request);
    }

    long bytesRead() {
        return counter.get();
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new CountingInputStream(super.getInputStream(), counter);
        }
        return stream;
    }

    private static final class CountingInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final ByteCounter counter;

        CountingInputStream(ServletInputStream delegate, ByteCounter counter) {
            this.delegate = delegate;
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counter.add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = delegate.read(b, off, len);
            counter.add(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return delegate.available();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
