package dev.seestack.spring.boot.internal;

import dev.seestack.internal.http.ByteCounter;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

/**
 * The response of a whole WebFlux exchange, error handling included (installed around the application's
 * {@code HttpHandler}): counts every body byte and runs a recording once the exchange completed, so a request ending
 * in Boot's error handler is recorded with the page's status, bytes and duration.
 */
final class CompletionTrackingResponse extends CountingServerResponse {
    private final ByteCounter bytes;
    private final AtomicReference<Runnable> onComplete = new AtomicReference<>();

    private CompletionTrackingResponse(ServerHttpResponse delegate, ByteCounter bytes) {
        super(delegate, bytes);
        this.bytes = bytes;
    }

    /** Wraps every exchange's response; a bean Spring applies to the application's {@code HttpHandler}. */
    static HttpHandlerDecoratorFactory decoratorFactory() {
        return handler -> (HttpHandler) (request, response) -> {
            CompletionTrackingResponse tracked = new CompletionTrackingResponse(response, new ByteCounter());
            return handler.handle(request, tracked).doFinally(signal -> tracked.complete());
        };
    }

    /** The tracking response under {@code response} (through decorators), or null when the exchange has none. */
    static CompletionTrackingResponse of(ServerHttpResponse response) {
        ServerHttpResponse r = response;
        for (int depth = 0; r != null && depth < 16; depth++) {
            if (r instanceof CompletionTrackingResponse) {
                return (CompletionTrackingResponse) r;
            }
            r = r instanceof ServerHttpResponseDecorator ? ((ServerHttpResponseDecorator) r).getDelegate() : null;
        }
        return null;
    }

    /** Runs {@code recording} once the exchange completed; false when it already did (the caller records now). */
    boolean whenComplete(Runnable recording) {
        return onComplete.compareAndSet(null, recording);
    }

    long bytesWritten() {
        return bytes.get();
    }

    private void complete() {
        Runnable recording = onComplete.getAndSet(() -> { });
        if (recording != null) {
            recording.run();
        }
    }
}
