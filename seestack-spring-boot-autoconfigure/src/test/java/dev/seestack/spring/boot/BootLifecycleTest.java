package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.spring.boot.lifecycle.LifecycleShopApp;
import dev.seestack.testkit.ChildJvm;
import dev.seestack.testkit.IngestStub;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Boot web application with an H2 {@code DataSource}, the starter and no logging configuration, in a child JVM
 * ended by SIGTERM: every line from Boot's {@code Starting …} to Hikari's last shutdown line arrives once, with the
 * application's name as service; its error carries the build-info version as release.
 */
@Timeout(180)
class BootLifecycleTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    private static ChildJvm app;
    private static List<JsonNode> logs;

    @BeforeAll
    static void runTheApplicationUntilSigterm() {
        app = ChildJvm.start(LifecycleShopApp.class, "--server.port=0", "--spring.application.name=lifecycle-shop",
                "--spring.info.build.location=classpath:lifecycle/build-info.properties",
                "--seestack.host=" + stub.host(), "--seestack.api-key=" + IngestStub.API_KEY,
                "--seestack.flush-interval-ms=200");
        app.awaitLine(Duration.ofSeconds(90), "READY");
        app.terminate(Duration.ofSeconds(60));
        logs = StubBackend.json(stub.bodies(IngestStub.LOGS));
    }

    @AfterAll
    static void removeTheChild() {
        app.close();
    }

    @Test
    void everyStartupLineFromBootsStartingLineArrivesOnce() {
        for (String line : List.of("Starting LifecycleShopApp using Java", "No active profile set",
                "Tomcat initialized with port", "HikariPool-1 - Starting...", "HikariPool-1 - Start completed.",
                "stock database H2", "Started LifecycleShopApp in")) {
            assertEquals(1, logsStartingWith(line).size(), line + "\n" + app.output());
        }
    }

    @Test
    void everyLineLoggedWhileTheContextClosesArrivesOnce() {
        for (String line : List.of("courier stopped", "predestroy 0", "predestroy 1", "predestroy 2", "predestroy 3",
                "predestroy 4", "ledger disposed", "auditor closed", "HikariPool-1 - Shutdown initiated...",
                "HikariPool-1 - Shutdown completed.")) {
            assertEquals(1, logsStartingWith(line).size(), line + "\n" + app.output());
        }
    }

    @Test
    void logsAndErrorsCarryTheApplicationNameAsServiceAndErrorsTheBuildInfoVersionAsRelease() {
        assertEquals(List.of("lifecycle-shop"), logs.stream().map(l -> l.path("service").asText()).distinct()
                .collect(Collectors.toList()));
        List<JsonNode> errors = StubBackend.json(stub.bodies(IngestStub.ERRORS)).stream()
                .filter(e -> "warehouse offline".equals(e.path("message").asText())).collect(Collectors.toList());
        assertEquals(1, errors.size(), app.output());
        assertEquals("2.7.1", errors.get(0).path("release").asText());
        assertEquals("lifecycle-shop", errors.get(0).path("metadata").path("service").asText());
    }

    private static List<JsonNode> logsStartingWith(String prefix) {
        return logs.stream().filter(l -> l.path("message").asText().startsWith(prefix)).collect(Collectors.toList());
    }
}
