package dev.seestack.internal.http;

import dev.seestack.internal.json.BlankText;
import dev.seestack.SeeStackContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Trace ids: generating them, reading W3C {@code traceparent} / {@code X-Request-ID}, and writing traceparent. */
public final class TraceIds {
    /** Header carrying the trace id as any opaque string. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";
    /** W3C Trace Context header: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}. */
    public static final String TRACEPARENT_HEADER = "traceparent";
    /** MDC key the filter sets and the outbound decorators read. */
    public static final String MDC_KEY = "traceId";

    private static final Pattern TRACEPARENT =
            Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$");
    private static final Pattern HEX32 = Pattern.compile("^[0-9a-f]{32}$");
    private static final String ZERO_TRACE = "00000000000000000000000000000000";
    private static final int MAX_REQUEST_ID_CHARS = 128;

    private TraceIds() {
    }

    /** A random 32-character lower-case hex trace id. */
    public static String newTraceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String id = hex16(r.nextLong()) + hex16(r.nextLong());
        return ZERO_TRACE.equals(id) ? newTraceId() : id;
    }

    /** A random 16-character hex span id, never all zeros. */
    public static String newSpanId() {
        long v;
        do {
            v = ThreadLocalRandom.current().nextLong();
        } while (v == 0);
        return hex16(v);
    }

    /** The trace-id part of a valid {@code traceparent} header, or null. */
    public static String fromTraceparent(String header) {
        if (header == null) {
            return null;
        }
        java.util.regex.Matcher m = TRACEPARENT.matcher(header.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches() || "ff".equals(m.group(1)) || ZERO_TRACE.equals(m.group(2))) {
            return null;
        }
        return m.group(2);
    }

    /** An {@code X-Request-ID} value usable as a trace id (trimmed, printable, at most 128 chars), or null. */
    public static String fromRequestId(String header) {
        if (header == null) {
            return null;
        }
        String v = header.strip();
        if (v.isEmpty() || v.length() > MAX_REQUEST_ID_CHARS) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null;
            }
        }
        return v;
    }

    /** The trace id of an incoming request: traceparent first, then X-Request-ID, else null. */
    public static String fromHeaders(String traceparent, String requestId) {
        String id = fromTraceparent(traceparent);
        return id != null ? id : fromRequestId(requestId);
    }

    /** A {@code traceparent} header for {@code traceId} with a fresh parent id, or null when it is not 32 hex. */
    public static String traceparentFor(String traceId) {
        if (traceId == null) {
            return null;
        }
        String id = traceId.toLowerCase(java.util.Locale.ROOT);
        if (!HEX32.matcher(id).matches() || ZERO_TRACE.equals(id)) {
            return null;
        }
        return "00-" + id + "-" + newSpanId() + "-01";
    }

    /**
     * The current thread's trace id: {@link SeeStackContext} first, then the SLF4J MDC {@code traceId}, then an
     * active tracer's ({@link ActiveTracer}); null when none has one.
     */
    public static String current() {
        String id = SeeStackContext.current().traceId();
        if (!BlankText.isBlank(id)) {
            return id;
        }
        id = MdcBridge.get(MDC_KEY);
        return BlankText.isBlank(id) ? ActiveTracer.traceId() : id;
    }

    private static String hex16(long v) {
        String s = Long.toHexString(v);
        return s.length() == 16 ? s : "0000000000000000".substring(s.length()) + s;
    }
}
