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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

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
    ScheduledFuture<?> deadline;
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

    /** Reads an answer's head; false when it is an interim (1xx) answer, skipped with its (empty) content. */
    boolean onHead(HttpResponse head) {
        answerStarted = true;
        int code = head.status().code();
        interim = code >= 100 && code < 200 && code != 101;
        if (!interim) {
            status = code;
            retryAfter = head.headers().get(HttpHeaderNames.RETRY_AFTER);
            location = head.headers().get(HttpHeaderNames.LOCATION);
            keepAlive = io.netty.handler.codec.http.HttpUtil.isKeepAlive(head);
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
        cancelDeadline();
        result.complete(new TransportResponse(status, retryAfter,
                kept == null ? "" : new String(kept.toByteArray(), StandardCharsets.UTF_8), location, multiplexed,
                !reused));
    }

    /**
     * Fails it: after its body left, as an {@link UnconfirmedDeliveryException} (the backend may have it); before,
     * with {@code failure} itself (a TLS failure classified).
     */
    void fail(Throwable failure) {
        cancelDeadline();
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
        reused = false;
        bodyWritten = false;
        answerStarted = false;
        interim = false;
        keepAlive = true;
        kept = null;
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
