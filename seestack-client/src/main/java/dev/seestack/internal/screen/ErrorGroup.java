package dev.seestack.internal.screen;

import java.util.List;

/**
 * The backend's grouping of errors, recomputed from a throwable: its class and its first 5 frames that do not
 * start with an internal prefix (PROTOCOL.md, "Grouping"). Read from the top throwable's own frames only.
 */
final class ErrorGroup {
    /** Frames the backend skips: they name the JDK or a framework, not the bug's location. */
    static final List<String> INTERNAL_PREFIXES = List.of("java.", "javax.", "jakarta.", "sun.", "com.sun.",
            "org.springframework.", "org.apache.", "io.netty.");
    static final int FRAMES = 5;

    private ErrorGroup() {
    }

    /** The group's key: the material the backend hashes ({@code class|frame|...}). */
    static String keyOf(Throwable throwable) {
        StringBuilder key = new StringBuilder(256).append(throwable.getClass().getName());
        int frames = 0;
        for (StackTraceElement e : throwable.getStackTrace()) {
            if (frames == FRAMES) {
                break;
            }
            if (!isInternal(e.getClassName())) {
                key.append('|').append(e.getClassName()).append('.').append(e.getMethodName()).append(':')
                        .append(e.getLineNumber());
                frames++;
            }
        }
        return key.toString();
    }

    private static boolean isInternal(String className) {
        for (String prefix : INTERNAL_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
