package dev.seestack.spring.boot.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.spring.boot.log4j2.lifecycle.Log4j2LifecycleApp;
import dev.seestack.testkit.ChildJvm;
import dev.seestack.testkit.IngestStub;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Boot application logging through Log4j2, with an H2 {@code DataSource}, the starter and no logging configuration,
 * in a child JVM ended by SIGTERM: every line from Boot's {@code Starting …} to Hikari's last shutdown line arrives
 * once, with the application's name as service.
 */
@Timeout(180)
class Log4j2LifecycleTest {
    @RegisterExtension
    static final Log4j2Backend backend = new Log4j2Backend();

    @Test
    void everyLineFromBootsStartingLineToHikarisShutdownArrivesOnceWithTheApplicationName() {
        try (ChildJvm app = ChildJvm.start(Log4j2LifecycleApp.class, "--spring.application.name=inventory",
                "--seestack.host=" + Log4j2Backend.STUB.host(), "--seestack.api-key=" + IngestStub.API_KEY,
                "--seestack.flush-interval-ms=200")) {
            app.awaitLine(Duration.ofSeconds(90), "READY");
            app.terminate(Duration.ofSeconds(60));

            List<JsonNode> logs = Log4j2Backend.STUB.bodies(IngestStub.LOGS).stream().map(Log4j2Backend::json)
                    .collect(Collectors.toList());
            for (String line : List.of("Starting Log4j2LifecycleApp using Java", "No active profile set",
                    "HikariPool-1 - Starting...", "HikariPool-1 - Start completed.", "stock database H2",
                    "Started Log4j2LifecycleApp in", "predestroy 0", "predestroy 1", "predestroy 2", "predestroy 3",
                    "predestroy 4", "HikariPool-1 - Shutdown initiated...", "HikariPool-1 - Shutdown completed.")) {
                assertEquals(1, logs.stream().filter(l -> l.path("message").asText().startsWith(line)).count(),
                        line + "\n" + app.output());
            }
            assertEquals(List.of("inventory"), logs.stream().map(l -> l.path("service").asText()).distinct()
                    .collect(Collectors.toList()));
        }
    }
}
