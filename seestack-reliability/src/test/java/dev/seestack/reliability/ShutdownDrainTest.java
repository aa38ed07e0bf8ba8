package dev.seestack.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A child JVM logs 100 events and calls {@code System.exit(0)} without flushing: the shutdown drain delivers all
 * 100, through Logback, Log4j2 and java.util.logging. The configurations use a one-minute flush interval, so
 * nothing but the drain can send them.
 */
@Timeout(90)
class ShutdownDrainTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    enum Child {
        LOGBACK(ExitingApps.ThroughLogback.class, "-Dlogback.configurationFile=", "reliability-logback-exit.xml"),
        LOG4J2(ExitingApps.ThroughLog4j2.class, "-Dlog4j2.configurationFile=", "reliability-log4j2-exit.xml"),
        JUL(ExitingApps.ThroughJul.class, "-Djava.util.logging.config.file=", "reliability-logging-exit.properties");

        final Class<?> main;
        final String configOption;
        final String resource;

        Child(Class<?> main, String configOption, String resource) {
            this.main = main;
            this.configOption = configOption;
            this.resource = resource;
        }
    }

    @ParameterizedTest
    @EnumSource(Child.class)
    void everyEventLoggedBeforeSystemExitIsDelivered(Child child) throws Exception {
        Path config = Paths.get(getClass().getResource("/" + child.resource).toURI());
        Path output = Files.createTempFile("seestack-reliability-child-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                child.configOption + config,
                "-D" + LoggingApp.HOST_PROPERTY + "=" + stub.host(),
                child.main.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("SEESTACK_TEST_HOST", stub.host(),
                "SEESTACK_TEST_API_KEY", IngestStub.API_KEY));
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
            String childOutput = Files.readString(output);
            assertEquals(0, process.exitValue(), childOutput);

            List<String> bodies = Served.awaitAccepted(stub, IngestStub.LOGS, ExitingApps.EVENTS);
            assertEquals(ExitingApps.EVENTS, bodies.size(), childOutput);
            assertEquals(IntStream.range(0, ExitingApps.EVENTS).mapToObj(i -> "exiting " + i)
                    .collect(Collectors.toSet()), new HashSet<>(Served.messages(bodies)), childOutput);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    @org.junit.jupiter.api.Test
    void eventsLoggedByOtherShutdownHooksWhileTheDrainRunsAreDeliveredToo() throws Exception {
        Path config = Paths.get(getClass().getResource("/reliability-logback-exit.xml").toURI());
        Path output = Files.createTempFile("seestack-reliability-child-", ".log");
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=" + config,
                "-D" + LoggingApp.HOST_PROPERTY + "=" + stub.host(), ExitingApps.ThroughLogbackWithLateHook.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("SEESTACK_TEST_HOST", stub.host(),
                "SEESTACK_TEST_API_KEY", IngestStub.API_KEY));
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
            String childOutput = Files.readString(output);
            assertEquals(0, process.exitValue(), childOutput);

            List<String> bodies = Served.awaitAccepted(stub, IngestStub.LOGS, ExitingApps.EVENTS + 1);
            List<String> expected = new ArrayList<>(List.of("started"));
            IntStream.range(0, ExitingApps.EVENTS).forEach(i -> expected.add("late " + i));
            assertEquals(new HashSet<>(expected), new HashSet<>(Served.messages(bodies)), childOutput);
            assertEquals(expected.size(), bodies.size(), "none twice");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
