package dev.seestack.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seestack.SeeStackClient;
import dev.seestack.spring.boot.app.ShopApp;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code @SeeStackMonitored} methods send the heartbeats {@code SeeStackCron.run} sends, and rethrow. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = {ShopApp.class, MonitoredJobTest.Jobs.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MonitoredJobTest {
    @RegisterExtension
    static final BootStub backend = new BootStub();
    static final IngestStub stub = backend.stub();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        StubBackend.register(registry, stub);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableScheduling
    static class Jobs {
        @Bean
        NightlyJobs nightlyJobs() {
            return new NightlyJobs();
        }
    }

    public static class NightlyJobs {
        static final IOException BROKEN = new IOException("ftp server refused the upload");

        @SeeStackMonitored("nightly-report")
        public String report() {
            return "report done";
        }

        @SeeStackMonitored("nightly-upload")
        public void upload() throws IOException {
            throw BROKEN;
        }

        @SeeStackMonitored("every-second")
        @Scheduled(fixedDelay = 200)
        public void tick() {
        }

        @SeeStackMonitored("Not A Slug")
        public void misnamed() {
        }
    }

    @Autowired
    NightlyJobs jobs;
    @Autowired
    SeeStackClient client;

    @Test
    void successfulRunSendsASuccessHeartbeatWithItsDuration() {
        assertEquals("report done", jobs.report());
        client.flush();

        JsonNode beat = awaitBeat("nightly-report");
        assertEquals("success", beat.get("status").asText());
        assertTrue(beat.get("durationMs").asLong() >= 0);
    }

    @Test
    void failedRunSendsAFailedHeartbeatAndRethrowsTheSameException() {
        IOException thrown = assertThrows(IOException.class, jobs::upload);
        assertSame(NightlyJobs.BROKEN, thrown);
        client.flush();

        JsonNode beat = awaitBeat("nightly-upload");
        assertEquals("failed", beat.get("status").asText());
        assertTrue(beat.get("message").asText().contains("ftp server refused the upload"), beat.toString());
    }

    @Test
    void scheduledMethodRunsAreReported() {
        awaitBeat("every-second");
    }

    @Test
    void invalidSlugIsWarnedAboutAtStartup(CapturedOutput output) {
        List<String> warnings = output.getErr().lines().filter(l -> l.contains("@SeeStackMonitored(\"Not A Slug\")"))
                .collect(Collectors.toList());
        assertEquals(1, warnings.size(), output.getErr());
    }

    private static JsonNode awaitBeat(String slug) {
        return PollUntil.awaitValue(java.time.Duration.ofSeconds(15), () -> StubBackend.json(stub.bodies(
                IngestStub.HEARTBEAT)).stream().filter(b -> slug.equals(b.path("slug").asText()))
                .collect(Collectors.toList()), l -> !l.isEmpty()).get(0);
    }
}
