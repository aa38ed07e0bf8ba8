package io.netty.channel.nio;

import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.RejectedExecutionHandlers;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.ThreadFactory;

/**
 * Makes one NIO event loop without a group (relocated with the engine inside the SDK's jar). A group's loop
 * reports its end to the group through Netty's JVM-wide {@code globalEventExecutor} thread, which then outlives
 * the client's {@code close()} by a second; a loop of its own has nothing to report, so no thread is left.
 */
public final class StandaloneNioEventLoop {
    private StandaloneNioEventLoop() {
    }

    /** A new event loop whose one thread comes from {@code threads} when the loop first runs a task. */
    public static EventLoop create(ThreadFactory threads) {
        return new NioEventLoop(null, new ThreadPerTaskExecutor(threads), SelectorProvider.provider(),
                DefaultSelectStrategyFactory.INSTANCE.newSelectStrategy(), RejectedExecutionHandlers.reject(),
                null, null);
    }
}
