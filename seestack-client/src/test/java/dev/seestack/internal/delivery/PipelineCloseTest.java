package dev.seestack.internal.delivery;

import dev.seestack.internal.transport.NettyTransport;
import dev.seestack.internal.transport.TransportResponse;
import dev.seestack.internal.transport.Transport;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.ManualScheduler;
import dev.seestack.RecordingSink;
import dev.seestack.internal.diag.Diagnostics;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.LogEntry;
import dev.seestack.internal.event.Severity;
import dev.seestack.internal.mask.SensitiveDataMasker;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** close(): requests in flight are awaited up to the deadline, then counted; nothing of the SDK outlives it. */
@Timeout(60)
class PipelineCloseTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private static DeliveryPipeline pipeline(Transport transport) {
        // buffer of 1: its trigger is 1 item, so every log is released at once
        DeliveryPipeline pipeline = unstarted(transport);
        pipeline.start();
        return pipeline;
    }

    private static DeliveryPipeline unstarted(Transport transport) {
        return new DeliveryPipeline(1, Long.MAX_VALUE, 1_000, 2, transport, RetryPolicy.standard(), new ManualScheduler(),
                new Diagnostics(false, new RecordingSink()), new SensitiveDataMasker(), Map.of(), () -> { });
    }

    private static LogEntry log(String message) {
        return new LogEntry(Severity.INFO, message, null, null, null);
    }

    /** SDK threads alive before the test (other tests' clients); only threads started since count. */
    private final Set<Thread> before = sdkThreadSet();

    private static Set<Thread> sdkThreadSet() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("seestack-")).collect(Collectors.toSet());
    }

    private List<String> sdkThreads() {
        return sdkThreadSet().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .collect(Collectors.toList());
    }

    @Test
    void theSenderThreadsStartOnlyWhenThePipelineIsStarted() {
        DeliveryPipeline p = unstarted(new Transport() {
            @Override
            public TransportResponse post(String path, byte[] body) {
                return new TransportResponse(202, null, null);
            }

            @Override
            public void close() {
            }
        });
        assertEquals(List.of(), sdkThreads(), "constructing the pipeline starts no thread");

        p.start();
        p.start(); // a second start starts nothing more

        assertEquals(List.of("seestack-sender-1", "seestack-sender-2"), sdkThreads().stream().sorted()
                .collect(Collectors.toList()));
        p.close(Duration.ofSeconds(5));
        PollUntil.await("the senders ended", () -> sdkThreads().isEmpty());
    }

    @Test
    void aRequestUnansweredAtTheCloseDeadlineIsCountedAsDroppedAndItsLateAnswerIgnored() {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicBoolean entered = new AtomicBoolean();
        AtomicBoolean answered = new AtomicBoolean();
        Transport stuck = new Transport() {
            @Override
            public TransportResponse post(String path, byte[] body) {
                entered.set(true);
                // a network read that ignores interrupts and close()
                boolean interrupted = false;
                while (answer.getCount() > 0) {
                    try {
                        answer.await();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                answered.set(true);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return new TransportResponse(202, null, null);
            }

            @Override
            public void close() {
            }
        };
        DeliveryPipeline p = pipeline(stuck);
        p.enqueue(log("in flight at close"));
        PollUntil.await("the request is on the network", entered::get);

        p.close(Duration.ofMillis(200));

        FeatureCounters logs = p.counters(Feature.LOGS);
        assertEquals(0, p.pending(Feature.LOGS), "nothing stays pending after close");
        assertEquals(1, logs.droppedDisabled());
        answer.countDown();
        PollUntil.await("the late answer arrived", answered::get);
        PollUntil.await("the sender ended", () -> sdkThreads().stream().noneMatch(n -> n.startsWith("seestack-sender")));
        assertEquals(0, logs.sent(), "a late 202 is not counted a second time");
        assertEquals(1, logs.droppedDisabled());
        assertEquals(0, p.pending(Feature.LOGS));
    }

    @Test
    void closeWithARequestHangingOnTheNetworkCountsItAndLeavesNoSdkThread() {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).atPriority(1)
                .willReturn(aResponse().withStatus(202).withFixedDelay(30_000)));
        NettyTransport transport = new NettyTransport(stub.host(), IngestStub.API_KEY);
        DeliveryPipeline p = pipeline(transport);
        p.enqueue(log("hangs"));
        PollUntil.await("the request reached the server", () -> stub.requests(IngestStub.LOGS).size() == 1);

        p.close(Duration.ofMillis(300));

        assertEquals(0, p.pending(Feature.LOGS));
        assertEquals(1, p.counters(Feature.LOGS).droppedDisabled());
        PollUntil.await(Duration.ofSeconds(3), "no seestack-* thread alive (alive: " + sdkThreads() + ")",
                () -> sdkThreads().isEmpty());
    }
}
