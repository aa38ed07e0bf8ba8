package dev.seestack.testkit;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The SDK's live threads: every thread it starts is named {@code seestack-*}. */
public final class SdkThreads {
    /** The name prefix of every SDK thread. */
    public static final String PREFIX = "seestack-";

    private SdkThreads() {
    }

    /** The live SDK threads. */
    public static Set<Thread> live() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(PREFIX))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** The names of the live SDK threads, sorted. */
    public static List<String> names() {
        return live().stream().map(Thread::getName).sorted().collect(Collectors.toList());
    }

    /** The live SDK threads that were not in {@code earlier}. */
    public static Set<Thread> startedSince(Set<Thread> earlier) {
        Set<Thread> started = live();
        started.removeAll(earlier);
        return started;
    }

    /** Waits up to 15 s until no SDK thread is alive. */
    public static void awaitNone() {
        awaitNone(Duration.ofSeconds(15));
    }

    /** Waits until no SDK thread is alive. */
    public static void awaitNone(Duration timeout) {
        PollUntil.await(timeout, "no seestack-* thread alive (alive: " + names() + ")", () -> live().isEmpty());
    }
}
