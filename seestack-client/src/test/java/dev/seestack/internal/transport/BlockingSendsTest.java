package dev.seestack.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pooled blocking sends used where the JDK's {@code sendAsync} would start a thread per answer. */
@Timeout(60)
class BlockingSendsTest {
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();

    private static final byte[] BODY = "{\"level\":\"info\",\"message\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    private HttpRequest request() {
        return request(Duration.ofSeconds(5));
    }

    private HttpRequest request(Duration timeout) {
        return HttpRequest.newBuilder(URI.create(stub.host() + IngestStub.LOGS)).version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout).header("Content-Type", "application/json")
                .header("X-SeeStack-Key", IngestStub.API_KEY).POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
    }

    /** A test body run against a stack forced to blocking sends and a channel of it; the stack is closed after. */
    private interface StackTest {
        void run(HttpStack stack, HttpChannel channel) throws Exception;
    }

    private static void withBlockingStack(StackTest test) throws Exception {
        HttpStack stack = new HttpStack(HttpStack.defaultBuilder(), true);
        try {
            test.run(stack, stack.channel());
        } finally {
            stack.close();
        }
    }

    /** Asserts that {@code answer} fails, within 2 s, with an IOException. */
    private static void assertFailsWithIOException(CompletableFuture<?> answer) {
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> answer.get(2, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void aRequestSentFromAnAnswerGoesOutOnTheAnswersOwnThread() throws Exception {
        withBlockingStack((stack, channel) -> {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            CompletableFuture<Integer> done = new CompletableFuture<>();
            AtomicInteger answered = new AtomicInteger();
            chain(channel, 20, answered, threads, done);

            assertEquals(20, done.get(20, TimeUnit.SECONDS));
            assertEquals(1, threads.size(), "one send thread carried the whole chain: " + threads);
            assertTrue(threads.iterator().next().startsWith("seestack-send-"), threads.toString());
            assertEquals(1, stack.sendThreads());
            assertEquals(20, stub.awaitBodies(IngestStub.LOGS, 20).size());
        });
    }

    /** Sends one request; its answer's callback sends the next, {@code left} times in all. */
    private void chain(HttpChannel channel, int left, AtomicInteger answered, Set<String> threads,
            CompletableFuture<Integer> done) {
        channel.sendAsync(request(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
            threads.add(Thread.currentThread().getName());
            if (failure != null) {
                done.completeExceptionally(failure);
            } else if (left == 1) {
                done.complete(answered.incrementAndGet());
            } else {
                answered.incrementAndGet();
                chain(channel, left - 1, answered, threads, done);
            }
        });
    }

    @Test
    void aBlockingSendFromAnAnswersCallbackGoesOutOnAnotherThreadInsteadOfWaitingForItsOwn() throws Exception {
        withBlockingStack((stack, channel) -> {
            CompletableFuture<Integer> inner = new CompletableFuture<>();
            channel.sendAsync(request(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
                try {
                    // a synchronous request on the send thread (as a flag lookup from a callback would be): were
                    // it queued behind this very thread, it could only fail at its deadline
                    inner.complete(channel.send(request(), HttpResponse.BodyHandlers.discarding(),
                            Duration.ofSeconds(3)).statusCode());
                } catch (Exception e) {
                    inner.completeExceptionally(e);
                }
            });
            assertEquals(202, inner.get(20, TimeUnit.SECONDS));
        });
    }

    @Test
    void concurrentRequestsEachGetAThreadAndAllAreAnswered() throws Exception {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).willReturn(aResponse().withStatus(202).withFixedDelay(300)));
        withBlockingStack((stack, channel) -> {
            List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(channel.sendAsync(request(), HttpResponse.BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> a : answers) {
                assertEquals(202, a.get(20, TimeUnit.SECONDS).statusCode());
            }
            int threads = stack.sendThreads();
            assertTrue(threads >= 2 && threads <= 10, "send threads: " + threads);
        });
    }

    @Test
    void whenEveryThreadIsBusyARequestGoesOutAsynchronouslyInstead() throws Exception {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).willReturn(aResponse().withStatus(202).withFixedDelay(300)));
        HttpClient client = HttpStack.defaultBuilder().build();
        BlockingSends sends = new BlockingSends(client, 1);
        try {
            CompletableFuture<HttpResponse<Void>> first = sends.sendAsync(request(), HttpResponse.BodyHandlers.discarding(), false);
            CompletableFuture<HttpResponse<Void>> second = sends.sendAsync(request(), HttpResponse.BodyHandlers.discarding(), false);
            assertEquals(202, first.get(20, TimeUnit.SECONDS).statusCode());
            assertEquals(202, second.get(20, TimeUnit.SECONDS).statusCode());
            assertEquals(1, sends.threads());
        } finally {
            sends.shutdown();
        }
    }

    @Test
    void closingTheStackFailsARequestWaitingOnASilentServerAtOnceAndEndsItsThread() throws Exception {
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).willReturn(aResponse().withStatus(202).withFixedDelay(4_000)));
        HttpStack stack = new HttpStack(HttpStack.defaultBuilder(), true);
        HttpChannel channel = stack.channel();
        CompletableFuture<HttpResponse<Void>> answer = channel.sendAsync(request(), HttpResponse.BodyHandlers.discarding());
        PollUntil.await(Duration.ofSeconds(10), "the send thread is busy", () -> stack.busySendThreads() == 1);
        long start = System.nanoTime();
        stack.close();

        assertFailsWithIOException(answer);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "failed well before the server answered");
        PollUntil.await(Duration.ofSeconds(5), "the send thread ends", () -> stack.sendThreads() == 0);
        CompletableFuture<HttpResponse<Void>> late = stack.channel().sendAsync(request(),
                HttpResponse.BodyHandlers.discarding());
        assertFailsWithIOException(late);
    }

    @Test
    void closingAChannelInterruptsItsWaitingSendAndFreesTheThreadForOthers() throws Exception {
        // the server answers after 10 s and the request's own timeout is 30 s: only the interrupt frees the thread
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).willReturn(aResponse().withStatus(202).withFixedDelay(10_000)));
        withBlockingStack((stack, ingest) -> {
            CompletableFuture<HttpResponse<Void>> answer = ingest.sendAsync(request(Duration.ofSeconds(30)),
                    HttpResponse.BodyHandlers.discarding());
            PollUntil.await(Duration.ofSeconds(10), "the send thread is busy", () -> stack.busySendThreads() == 1);
            ingest.close();

            assertFailsWithIOException(answer);
            PollUntil.await(Duration.ofSeconds(6), "the send thread is free again (the server still waits)",
                    () -> stack.busySendThreads() == 0);
            assertEquals(1, stack.sendThreads(), "kept for the stack's other channels");
        });
    }

    /**
     * The premise of choosing blocking sends: where {@code CompletableFuture}'s default executor is no
     * {@code ForkJoinPool}, the JDK client completes each {@code sendAsync} on a thread of its own (on 1–2 CPU
     * machines before JDK 25); elsewhere its answers come on pooled threads. Checked on whichever JDK runs this.
     */
    @Test
    void blockingSendsAreChosenExactlyWhereTheJdkWouldStartAThreadPerAnswer() throws Exception {
        // answered late enough that the dependent action is registered before the answer comes
        stub.stub(post(urlPathEqualTo(IngestStub.LOGS)).willReturn(aResponse().withStatus(202).withFixedDelay(200)));
        ExecutorService executor = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().executor(executor).build();
        try {
            Set<Long> threadIds = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                CompletableFuture<Long> ran = client.sendAsync(request(), HttpResponse.BodyHandlers.discarding())
                        .thenApply(r -> Thread.currentThread().getId());
                threadIds.add(ran.get(20, TimeUnit.SECONDS));
            }
            if (BlockingSends.neededHere()) {
                assertEquals(5, threadIds.size(), "a new thread per answer");
            } else {
                assertNotEquals(5, threadIds.size(), "answers on pooled threads");
            }
            try (HttpStack stack = new HttpStack()) {
                assertEquals(BlockingSends.neededHere(), stack.sendsBlocking());
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
