package dev.seestack.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One request and its answer, from its dispatch to its outcome: what to send, how far it got (written, answer
 * started), the head and first bytes of the answer, and the future the caller waits on. Used on the engine's
 * event loop only, except for the immutable request parts.
 */
final class Exchange {
    private final Endpoint endpoint;
    private final HttpMethod method;
    private final String target;
    private final String[] headers;
    private final byte[] body;
    private final int keptBytes;
    final CompletableFuture<TransportResponse> result = new CompletableFuture<>();

    /** The channel (HTTP/1.1 connection or HTTP/2 stream) carrying it now; null while it waits for one. */
    Channel channel;
    /** Whether it went out on a connection that had answered before (so a close before any answer is a race). */
    boolean reused;
    boolean resent;
    boolean bodyWritten;
    boolean answerStarted;
    boolean multiplexed;
    /** HTTP/2: its stream on the connection {@link #channel} (null over HTTP/1.1 and while it waits for one). */
    Http2FrameStream stream;
    /** HTTP/2: the final (non-1xx) headers came; a later headers frame is trailers. */
    boolean headed;
    /** When it times out ({@code System.nanoTime}), set at its first dispatch; 0 before. */
    long deadlineNanos;
    /** When it began to wait for an HTTP/2 stream slot ({@link System#nanoTime()}). */
    long waitingSince;
    private boolean interim;
    private int status;
    private String retryAfter;
    private String location;
    private boolean keepAlive = true;
    private ByteArrayOutputStream kept;

    /** {@code headers}: name, value pairs; {@code keptBytes}: how much of the answer's body is kept. */
    Exchange(Endpoint endpoint, HttpMethod method, String target, String[] headers, byte[] body, int keptBytes) {
        this.endpoint = endpoint;
        this.method = method;
        this.target = target;
        this.headers = headers;
        this.body = body;
        this.keptBytes = keptBytes;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    boolean isDone() {
        return result.isDone();
    }

    /** A new request message for one attempt; {@code absoluteForm}: to a forward proxy (plain http). */
    FullHttpRequest request(boolean absoluteForm, String proxyAuthorization) {
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method,
                absoluteForm ? endpoint.absolute(target) : target, content, false);
        r.headers().set(HttpHeaderNames.HOST, endpoint.authority());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.headers().set(headers[i], headers[i + 1]);
        }
        if (body != null) {
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        if (proxyAuthorization != null) {
            r.headers().set(HttpHeaderNames.PROXY_AUTHORIZATION, proxyAuthorization);
        }
        return r;
    }

    boolean hasBody() {
        return body != null;
    }

    /**
     * The request's HTTP/2 headers frame ({@code endStream}: no body follows); header names lower-cased as HTTP/2
     * wants them. Built directly rather than converted from an HTTP/1.1 message per request.
     */
    Http2HeadersFrame http2Headers(boolean endStream) {
        Http2Headers h = new DefaultHttp2Headers(false, headers.length / 2 + 1).method(method.asciiName())
                .scheme("https").authority(endpoint.authority()).path(target);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.add(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
        }
        if (body != null) {
            h.addInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        return new DefaultHttp2HeadersFrame(h, endStream);
    }

    /** The request's body as the HTTP/2 data frame that ends its stream. */
    Http2DataFrame http2Body() {
        return new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true);
    }

    /** Reads an answer's head; false when it is an interim (1xx) answer, skipped with its (empty) content. */
    boolean onHead(HttpResponse head) {
        return onHead(head.status().code(), head.headers().get(HttpHeaderNames.RETRY_AFTER),
                head.headers().get(HttpHeaderNames.LOCATION), io.netty.handler.codec.http.HttpUtil.isKeepAlive(head));
    }

    /** Reads an HTTP/2 answer's headers the same way (a stream is never kept for another request). */
    boolean onHead(Http2Headers head) {
        CharSequence code = head.status();
        CharSequence retry = head.get(HttpHeaderNames.RETRY_AFTER);
        CharSequence to = head.get(HttpHeaderNames.LOCATION);
        return onHead(code == null ? 0 : parseStatus(code), retry == null ? null : retry.toString(),
                to == null ? null : to.toString(), true);
    }

    private static int parseStatus(CharSequence code) {
        try {
            return Integer.parseInt(code.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean onHead(int code, String retryAfterHeader, String locationHeader, boolean keepConnection) {
        answerStarted = true;
        interim = code >= 100 && code < 200 && code != 101;
        if (!interim) {
            status = code;
            retryAfter = retryAfterHeader;
            location = locationHeader;
            keepAlive = keepConnection;
        }
        return !interim;
    }

    /** Keeps the first {@code keptBytes} of the answer's body; the rest is dropped chunk by chunk. */
    void onContent(ByteBuf content) {
        answerStarted = true;
        if (interim) {
            return;
        }
        int room = keptBytes - (kept == null ? 0 : kept.size());
        int n = Math.min(room, content.readableBytes());
        if (n > 0) {
            if (kept == null) {
                kept = new ByteArrayOutputStream(Math.min(keptBytes, Math.max(n, 256)));
            }
            byte[] chunk = new byte[n];
            content.getBytes(content.readerIndex(), chunk);
            kept.write(chunk, 0, n);
        }
    }

    /** At the end of an answer's content: true when that ended the final answer (not an interim one). */
    boolean onEnd() {
        if (interim) {
            interim = false;
            return false;
        }
        return true;
    }

    /** Whether the connection may carry another request after this answer. */
    boolean keepAlive() {
        return keepAlive;
    }

    void complete() {
        result.complete(new TransportResponse(status, retryAfter,
                kept == null ? "" : new String(kept.toByteArray(), StandardCharsets.UTF_8), location, multiplexed,
                !reused));
    }

    /**
     * Fails it: after its body left, as an {@link UnconfirmedDeliveryException} (the backend may have it); before,
     * with {@code failure} itself (a TLS failure classified).
     */
    void fail(Throwable failure) {
        IOException io = failure instanceof IOException ? (IOException) failure
                : new IOException(String.valueOf(failure), failure);
        if (bodyWritten && !(io instanceof UnconfirmedDeliveryException)) {
            io = new UnconfirmedDeliveryException("request sent to " + endpoint + " but no answer came: "
                    + io.getMessage(), io);
        } else {
            io = TlsFailure.classify(endpoint.origin(), io);
        }
        result.completeExceptionally(io);
    }

    /** Ready for another attempt on another connection. */
    void resetForResend() {
        resent = true;
        channel = null;
        stream = null;
        headed = false;
        reused = false;
        bodyWritten = false;
        answerStarted = false;
        interim = false;
        keepAlive = true;
        kept = null;
    }
}
