package dev.seestack.servlet.jakarta;

import dev.seestack.internal.http.ServedRequest;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Consumer;

/** A request the filter passed down the chain, with the wrappers that counted its body bytes. */
final class ServedServletRequest implements ServedRequest {
    private final HttpServletRequest request;
    private final CountingRequest countingRequest;
    private final CountingResponse response;

    ServedServletRequest(HttpServletRequest request, CountingResponse response) {
        this.request = request;
        this.countingRequest = request.getContentLengthLong() < 0 ? new CountingRequest(request) : null;
        this.response = response;
    }

    /** The request to pass down the chain (wrapped when its body has to be counted). */
    HttpServletRequest chainRequest() {
        return countingRequest != null ? countingRequest : request;
    }

    /** The response to pass down the chain (wrapped to count body bytes). */
    CountingResponse chainResponse() {
        return response;
    }

    /** Whether the application sent an error status, so the container renders an error page after the chain. */
    boolean errorSent() {
        return response.errorSent();
    }

    /** Where to hand the recording when the request went async, or null when it completes with this dispatch. */
    Consumer<Runnable> asyncCompletion() {
        try {
            if (!request.isAsyncStarted()) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return recording -> request.getAsyncContext().addListener(new CompletionListener(recording));
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public String serverName() {
        return request.getServerName();
    }

    @Override
    public String path() {
        return request.getRequestURI();
    }

    @Override
    public int status() {
        return response.getStatus();
    }

    @Override
    public long requestBytes() {
        return countingRequest != null ? countingRequest.bytesRead() : request.getContentLengthLong();
    }

    @Override
    public long responseBytes() {
        return response.bytesWritten();
    }

    /** Runs the recording once an async request completes (onComplete follows timeouts and errors too). */
    private static final class CompletionListener implements AsyncListener {
        private final Runnable recording;

        CompletionListener(Runnable recording) {
            this.recording = recording;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            recording.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows and records the final status
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows and records the final status
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a re-dispatch keeps this listener only if re-added; nothing to do
        }
    }
}
