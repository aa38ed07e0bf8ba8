package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Records logged just before the JVM ends are delivered by the drain at exit, with no flush by the application. */
class SeeStackHandlerShutdownTest {

    @ParameterizedTest
    @ValueSource(strings = {"return", "exit"})
    @Timeout(90)
    void deliversEverythingLoggedJustBeforeTheJvmEnds(String ending) throws Exception {
        try (IngestStub stub = IngestStub.start()) {
            Path config = Paths.get(getClass().getResource("/seestack-logging-exit.properties").toURI());
            Path output = Files.createTempFile("seestack-jul-child-", ".log");
            ProcessBuilder child = new ProcessBuilder(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Djava.util.logging.config.file=" + config,
                    ExitingApp.class.getName(), ending)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            child.environment().put("SEESTACK_TEST_HOST", stub.host());
            child.environment().put("SEESTACK_TEST_API_KEY", IngestStub.API_KEY);
            Process process = child.start();

            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
            String childOutput = Files.readString(output);
            assertEquals(0, process.exitValue(), childOutput);
            int logs = ExitingApp.INFO_EVENTS + ExitingApp.SEVERE_EVENTS;
            stub.awaitBodies(IngestStub.LOGS, logs);
            stub.awaitBodies(IngestStub.ERRORS, ExitingApp.SEVERE_EVENTS);
            assertEquals(logs, stub.count(IngestStub.LOGS), childOutput);
            assertEquals(ExitingApp.SEVERE_EVENTS, stub.count(IngestStub.ERRORS), childOutput);
            assertEquals(IntStream.range(0, ExitingApp.INFO_EVENTS).mapToObj(i -> "event " + i)
                            .collect(Collectors.toSet()),
                    stub.bodies(IngestStub.LOGS).stream().map(JulFixture::json)
                            .filter(b -> b.get("level").asText().equals("info"))
                            .map(b -> b.get("message").asText()).collect(Collectors.toSet()));
            stub.assertAllBodiesValid();
            Files.deleteIfExists(output);
        }
    }

}
