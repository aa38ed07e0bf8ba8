package dev.seestack;

import java.util.List;
import java.util.stream.Collectors;

/** Names of the live SDK threads ({@code seestack-*}). */
final class SdkThreads {
    private SdkThreads() {
    }

    static List<String> names() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("seestack-")).sorted().collect(Collectors.toList());
    }
}
