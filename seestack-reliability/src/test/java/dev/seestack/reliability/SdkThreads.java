package dev.seestack.reliability;

import dev.seestack.testkit.PollUntil;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The SDK's live threads ({@code seestack-*}). */
final class SdkThreads {
    private SdkThreads() {
    }

    static List<String> names() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("seestack-")).sorted().collect(Collectors.toList());
    }

    /** Waits until no SDK thread is alive. */
    static void awaitNone() {
        PollUntil.await(Duration.ofSeconds(15), "no seestack-* thread alive (alive: " + names() + ")",
                () -> names().isEmpty());
    }
}
