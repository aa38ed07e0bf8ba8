package dev.seestack.internal.transport;

import io.netty.channel.Channel;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2CodecUtil;

/**
 * The receive window of an HTTP/2 connection: the bytes of answers its server may send before the client gives
 * credit back. HTTP/2's default of 65 535, given back in halves, let a server send ~32 KB of answers per round trip:
 * 200 answers of 164 bytes, i.e. ~3 600 requests/s across 50 ms however many streams it allowed.
 */
final class Http2ConnectionWindow {
    /** The connection's receive window once widened, bytes (Jetty's servers use the same). */
    static final int BYTES = 1 << 20;

    private Http2ConnectionWindow() {
    }

    /** Widens the window of {@code ch}, whose HTTP/2 frame codec is in place, to {@link #BYTES}. */
    static void widen(Channel ch) {
        // a window update without a stream is the connection's: the frame codec grows its window and tells the server
        ch.writeAndFlush(new DefaultHttp2WindowUpdateFrame(BYTES - Http2CodecUtil.DEFAULT_WINDOW_SIZE));
    }
}
