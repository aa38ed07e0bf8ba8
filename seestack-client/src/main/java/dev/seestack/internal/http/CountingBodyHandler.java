package dev.seestack.internal.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Wraps a JDK {@link HttpResponse.BodyHandler} to count the response body bytes as they arrive. */
public final class CountingBodyHandler<T> implements HttpResponse.BodyHandler<T> {
    private final HttpResponse.BodyHandler<T> delegate;
    private final ByteCounter counter = new ByteCounter();

    public CountingBodyHandler(HttpResponse.BodyHandler<T> delegate) {
        this.delegate = delegate;
    }

    /** Body bytes received so far. */
    public long bytes() {
        return counter.get();
    }

    @Override
    public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
        return new CountingSubscriber<>(delegate.apply(info), counter);
    }

    private static final class CountingSubscriber<T> implements HttpResponse.BodySubscriber<T> {
        private final HttpResponse.BodySubscriber<T> delegate;
        private final ByteCounter counter;

        CountingSubscriber(HttpResponse.BodySubscriber<T> delegate, ByteCounter counter) {
            this.delegate = delegate;
            this.counter = counter;
        }

        @Override
        public CompletionStage<T> getBody() {
            return delegate.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            delegate.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            long n = 0;
            for (ByteBuffer b : item) {
                n += b.remaining();
            }
            counter.add(n);
            delegate.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            delegate.onError(throwable);
        }

        @Override
        public void onComplete() {
            delegate.onComplete();
        }
    }
}
