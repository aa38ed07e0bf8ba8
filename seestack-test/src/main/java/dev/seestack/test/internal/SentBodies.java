package dev.seestack.test.internal;

import java.util.ArrayList;
import java.util.List;

/** Every request body the in-memory transport received, in arrival order, with its ingest path. Not API. */
public final class SentBodies {
    /** The one recording of the test JVM (the facade's client and the appenders share one process). */
    public static final SentBodies INSTANCE = new SentBodies();

    private final List<String[]> sent = new ArrayList<>();

    private SentBodies() {
    }

    synchronized void add(String path, String body) {
        sent.add(new String[] {path, body});
    }

    /** The bodies sent to {@code path}, in order. */
    public synchronized List<String> bodies(String path) {
        List<String> result = new ArrayList<>();
        for (String[] s : sent) {
            if (s[0].equals(path)) {
                result.add(s[1]);
            }
        }
        return result;
    }

    public synchronized void clear() {
        sent.clear();
    }
}
