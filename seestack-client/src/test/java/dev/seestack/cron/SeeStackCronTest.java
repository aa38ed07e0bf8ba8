package dev.seestack.cron;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.seestack.FeatureFixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.SeeStack;
import dev.seestack.StubbedClient;
import dev.seestack.internal.json.JsonNumber;
import dev.seestack.testkit.IngestStub;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cron heartbeats through {@link SeeStackCron} and start/finish handles, against an ingest stub. */
class SeeStackCronTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final StubbedClient sdk = StubbedClient.against(stub);

    @Test
    void runSendsASuccessHeartbeatWithTheDuration() {
        AtomicBoolean ran = new AtomicBoolean();
        SeeStackCron.run(sdk.client(), "nightly-report", () -> ran.set(true));

        assertTrue(ran.get());
        Map<String, Object> heartbeat = object(stub.awaitBodies(IngestStub.HEARTBEAT, 1).get(0));
        assertEquals("nightly-report", heartbeat.get("slug"));
        assertEquals("success", heartbeat.get("status"));
        assertTrue(Long.parseLong(((JsonNumber) heartbeat.get("durationMs")).token()) >= 0);
        assertFalse(heartbeat.containsKey("message"));
        stub.assertAllBodiesValid();
    }

    @Test
    void runReportsAFailureAndRethrowsTheVerySameException() {
        IllegalStateException boom = new IllegalStateException("disk full");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> SeeStackCron.run(sdk.client(), "nightly-report", () -> {
                    throw boom;
                }));

        assertSame(boom, thrown);
        Map<String, Object> heartbeat = object(stub.awaitBodies(IngestStub.HEARTBEAT, 1).get(0));
        assertEquals("failed", heartbeat.get("status"));
        assertEquals("disk full", heartbeat.get("message"));
        stub.assertAllBodiesValid();
    }

    @Test
    void callRethrowsACheckedExceptionUnwrappedAndReportsItsClassNameWhenItHasNoMessage() {
        IOException io = new IOException();

        IOException thrown = assertThrows(IOException.class, () -> SeeStackCron.call(sdk.client(), "import-feed", () -> {
            throw io;
        }));

        assertSame(io, thrown);
        Map<String, Object> heartbeat = object(stub.awaitBodies(IngestStub.HEARTBEAT, 1).get(0));
        assertEquals("failed", heartbeat.get("status"));
        assertEquals("java.io.IOException", heartbeat.get("message"));
    }

    @Test
    void callDeclaresThrowsExceptionSoACheckedCatchClauseCompiles() {
        IOException io = new IOException("feed unreachable");
        IOException caught = null;
        try {
            SeeStackCron.call(sdk.client(), "import-feed", () -> {
                throw io;
            });
        } catch (IOException e) {
            caught = e;
        } catch (Exception e) {
            throw new AssertionError("the job's IOException must be rethrown as it is", e);
        }

        assertSame(io, caught);
        assertEquals("feed unreachable", object(stub.awaitBodies(IngestStub.HEARTBEAT, 1).get(0)).get("message"));
    }

    @Test
    void finishJobWithoutAStatusSendsNothingAndWarnsOnce() {
        sdk.client().finishJob(JobHandle.start("billing-sync"), null, "done?");
        sdk.client().finishJob(JobHandle.start("billing-sync"), null, null);
        sdk.client().finishJob(JobHandle.start("billing-sync"), JobStatus.SUCCESS, null);

        assertEquals("success", object(stub.awaitBodies(IngestStub.HEARTBEAT, 1).get(0)).get("status"));
        sdk.client().flush();
        assertEquals(1, stub.count(IngestStub.HEARTBEAT), "only the heartbeat with a status is sent");
        assertEquals(2, sdk.client().stats().heartbeats().rejected());
        assertEquals(1, sdk.warnings().stream().filter(w -> w.contains("without a status")).count(),
                sdk.warnings().toString());
        stub.assertAllBodiesValid();
    }

    @Test
    void callReturnsTheJobsResult() throws Exception {
        assertEquals(42, SeeStackCron.call(sdk.client(), "import-feed", () -> 42));

        assertEquals("success", object(stub.awaitBodies(IngestStub.HEARTBEAT, 1).get(0)).get("status"));
    }

    @Test
    void startJobOnTheClientThenFinishJobSendsTheSlugAndStatus() {
        JobHandle handle = sdk.client().startJob("nightly-report");
        sdk.client().finishJob(handle, JobStatus.SUCCESS, null);

        Map<String, Object> heartbeat = object(stub.awaitBodies(IngestStub.HEARTBEAT, 1).get(0));
        assertEquals("nightly-report", heartbeat.get("slug"));
        assertEquals("success", heartbeat.get("status"));
        assertEquals("nightly-report", SeeStack.startJob("nightly-report").slug(), "the facade's works before init");
        stub.assertAllBodiesValid();
    }

    @Test
    void startAndFinishJobSendTheGivenStatusAndMessage() {
        JobHandle handle = JobHandle.start("billing-sync");
        sdk.client().finishJob(handle, JobStatus.FAILED, "3 invoices rejected");

        Map<String, Object> heartbeat = object(stub.awaitBodies(IngestStub.HEARTBEAT, 1).get(0));
        assertEquals("billing-sync", heartbeat.get("slug"));
        assertEquals("failed", heartbeat.get("status"));
        assertEquals("3 invoices rejected", heartbeat.get("message"));
        stub.assertAllBodiesValid();
    }

    @Test
    void invalidSlugStillRunsTheJobButSendsNoHeartbeatAndWarnsOnce() {
        AtomicBoolean ran = new AtomicBoolean();
        SeeStackCron.run(sdk.client(), "Nightly Report", () -> ran.set(true));
        SeeStackCron.run(sdk.client(), "Nightly Report", () -> { });

        sdk.client().flush();
        assertTrue(ran.get());
        assertEquals(0, stub.count(IngestStub.HEARTBEAT));
        assertEquals(2, sdk.client().stats().heartbeats().rejected());
        assertEquals(1, sdk.warnings().stream().filter(w -> w.contains("'Nightly Report'")).count(),
                sdk.warnings().toString());
    }

    @Test
    void unknownMonitorIsWarnedOncePerSlugAndNotRetried() {
        stub.stub(post(urlPathEqualTo(IngestStub.HEARTBEAT)).atPriority(1)
                .withRequestBody(equalToJson("{\"slug\":\"gone\"}", true, true))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"code\":\"NOT_FOUND\",\"message\":\"No cron monitor found with slug: gone\"}")));

        SeeStackCron.run(sdk.client(), "gone", () -> { });
        SeeStackCron.run(sdk.client(), "gone", () -> { });
        SeeStackCron.run(sdk.client(), "nightly-report", () -> { });
        sdk.client().flush();

        assertEquals(3, stub.count(IngestStub.HEARTBEAT), "one request per heartbeat, no retries");
        assertEquals(2, sdk.client().stats().heartbeats().rejected());
        assertEquals(1, sdk.client().stats().heartbeats().sent());
        assertEquals(1, sdk.warnings().stream().filter(w -> w.contains("404") && w.contains("slug gone")).count(),
                sdk.warnings().toString());
        stub.assertAllBodiesValid();
    }

    @Test
    void withoutAClientTheJobRunsAndNothingIsSent() {
        AtomicBoolean ran = new AtomicBoolean();
        SeeStackCron.run(null, "nightly-report", () -> ran.set(true));

        assertTrue(ran.get());
        assertEquals(0, stub.count(IngestStub.HEARTBEAT));
    }
}
