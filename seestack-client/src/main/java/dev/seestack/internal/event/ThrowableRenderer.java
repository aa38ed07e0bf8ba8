package dev.seestack.internal.event;

import dev.seestack.internal.json.MetadataSanitizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Renders a throwable's frames and cause chain as the protocol's {@code stackTrace} strings: bare frames
 * ({@code pkg.Class.method(File.java:42)}, no {@code at } prefix: the backend joins elements with
 * {@code "\n\tat "} and skips frames by prefix), cause separators naming the class only
 * ({@code Caused by: java.sql.SQLException}, so varying cause messages never split an error group),
 * {@code ... N more}; bounded in frames and depth, and terminating on cyclic cause chains. The cause
 * messages are kept apart, by {@link #causeMessages}.
 */
public final class ThrowableRenderer {
    public static final int MAX_FRAMES_PER_THROWABLE = 100;
    public static final int MAX_TOTAL_LINES = 300;
    public static final int MAX_CAUSE_DEPTH = 16;

    private ThrowableRenderer() {
    }

    /** Receives a rendered trace: frames as elements (cheap to write), everything else as text lines. */
    public interface Sink {
        void frame(StackTraceElement frame);

        void line(String text);
    }

    /** The frames of {@code t} and its causes, one string per element. */
    public static List<String> render(Throwable t) {
        List<String> lines = new ArrayList<>();
        render(t, new Sink() {
            @Override
            public void frame(StackTraceElement frame) {
                lines.add(ThrowableRenderer.frame(frame));
            }

            @Override
            public void line(String text) {
                lines.add(text);
            }
        });
        return lines;
    }

    /** Renders the frames of {@code t} and its causes into {@code sink}, within the bounds above. */
    public static void render(Throwable t, Sink sink) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StackTraceElement[] enclosing = null;
        Throwable current = t;
        int depth = 0;
        int lines = 0;
        while (current != null && lines < MAX_TOTAL_LINES) {
            if (!seen.add(current)) {
                sink.line("Caused by: [CIRCULAR REFERENCE: " + current.getClass().getName() + "]");
                break;
            }
            if (depth > 0) {
                sink.line("Caused by: " + current.getClass().getName());
                lines++;
            }
            StackTraceElement[] frames = safeFrames(current);
            int common = enclosing == null ? 0 : commonTail(frames, enclosing);
            int own = frames.length - common;
            int shown = Math.min(own, MAX_FRAMES_PER_THROWABLE);
            for (int i = 0; i < shown && lines < MAX_TOTAL_LINES; i++, lines++) {
                sink.frame(frames[i]);
            }
            if (shown < own) {
                sink.line("... " + (own - shown) + " frames omitted");
                lines++;
            }
            if (common > 0) {
                sink.line("... " + common + " more");
                lines++;
            }
            if (++depth >= MAX_CAUSE_DEPTH) {
                break;
            }
            enclosing = frames;
            current = safeCause(current);
        }
    }

    /**
     * The causes of {@code t}, outermost first, each as {@code class: message} (class alone without a message),
     * as many as the trace shows; empty without a cause.
     */
    public static List<String> causeMessages(Throwable t) {
        List<String> causes = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(t);
        Throwable current = safeCause(t);
        while (current != null && causes.size() < MAX_CAUSE_DEPTH - 1 && seen.add(current)) {
            causes.add(headline(current));
            current = safeCause(current);
        }
        return causes;
    }

    /** {@code class: message} as the JDK prints the head of a trace, the message cut to 8192 characters. */
    public static String headline(Throwable t) {
        String message = MetadataSanitizer.truncate(MetadataSanitizer.safeMessage(t),
                MetadataSanitizer.MAX_STRING_CHARS);
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    /** One bare frame, {@code pkg.Class.method(File.java:42)}. */
    public static String frame(StackTraceElement e) {
        StringBuilder sb = new StringBuilder(96).append(e.getClassName()).append('.')
                .append(e.getMethodName()).append('(');
        if (e.isNativeMethod()) {
            sb.append("Native Method");
        } else if (e.getFileName() == null) {
            sb.append("Unknown Source");
        } else {
            sb.append(e.getFileName());
            if (e.getLineNumber() >= 0) {
                sb.append(':').append(e.getLineNumber());
            }
        }
        return sb.append(')').toString();
    }

    private static int commonTail(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        int common = 0;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
            common++;
        }
        return common;
    }

    private static StackTraceElement[] safeFrames(Throwable t) {
        try {
            StackTraceElement[] frames = t.getStackTrace();
            return frames == null ? new StackTraceElement[0] : frames;
        } catch (RuntimeException e) {
            return new StackTraceElement[0];
        }
    }

    private static Throwable safeCause(Throwable t) {
        try {
            Throwable cause = t.getCause();
            return cause == t ? null : cause;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
