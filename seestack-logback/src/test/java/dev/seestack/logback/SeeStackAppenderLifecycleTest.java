package dev.seestack.logback;

import static dev.seestack.logback.LogbackFixture.flush;
import static dev.seestack.logback.LogbackFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.transport.NettyTransport;
import dev.seestack.testkit.IngestStub;
import dev.seestack.testkit.PollUntil;
import dev.seestack.testkit.SdkThreads;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** Start, stop, reconfiguration, asynchronous delivery and the recursion guard, through real Logback files. */
class SeeStackAppenderLifecycleTest {
    private static final Duration THREADS_END = Duration.ofSeconds(20);
    @RegisterExtension
    static final IngestStub stub = IngestStub.perClass();
    @RegisterExtension
    final LogbackContexts logback = LogbackContexts.expectingClientReleasedAfterEach(stub);

    @Test
    void stoppingTheContextFlushesBufferedLogs() {
        LogbackFixture fixture = logback.load("seestack-slow-flush.xml");
        Logger log = fixture.logger("com.shop.Checkout");
        log.info("one");
        log.info("two");
        log.info("three");

        fixture.close();

        // the stub's journal may record a request just after the client saw its response
        assertEquals(Set.of("one", "two", "three"), messages(stub.awaitBodies(IngestStub.LOGS, 3)));
    }

    /** Logback's AsyncAppender worker stops the appenders it feeds after being interrupted. */
    @Test
    void stoppingOnAnInterruptedThreadStillFlushesAndKeepsTheInterruptFlag() {
        LogbackFixture fixture = logback.load("seestack-slow-flush.xml");
        fixture.logger("com.shop.Checkout").info("last words");

        Thread.currentThread().interrupt();
        fixture.close();

        assertTrue(Thread.interrupted(), "the interrupt flag is restored");
        assertEquals(Set.of("last words"), messages(stub.awaitBodies(IngestStub.LOGS, 1)));
    }

    @Test
    @Timeout(120)
    void reconfiguringTenTimesLeavesNoExtraSeeStackThreads() {
        Set<Thread> baseline = SdkThreads.live();
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        for (int generation = 0; generation < 10; generation++) {
            fixture.logger("com.shop.Checkout").info("generation {}", generation);
            Set<Thread> replaced = SdkThreads.live();
            replaced.removeAll(baseline);
            assertFalse(replaced.isEmpty(), "a running appender owns SDK threads");

            fixture.reconfigure("seestack-basic.xml");

            PollUntil.await(THREADS_END, "threads of the replaced client end: " + replaced,
                    () -> replaced.stream().noneMatch(Thread::isAlive));
        }
        fixture.logger("com.shop.Checkout").info("generation {}", 10);
        fixture.close();

        PollUntil.await(THREADS_END, "no SDK thread beyond the baseline", () -> {
            Set<Thread> now = SdkThreads.live();
            now.removeAll(baseline);
            return now.isEmpty();
        });
        // every generation's event was flushed when its appender stopped
        assertEquals(IntStream.rangeClosed(0, 10).mapToObj(i -> "generation " + i).collect(Collectors.toSet()),
                messages(stub.awaitBodies(IngestStub.LOGS, 11)));
        assertEquals(11, stub.count(IngestStub.LOGS));
    }

    @Test
    void worksBehindAsyncAppenderKeepingLoggingThreadAndMdc() {
        LogbackFixture fixture = logback.load("seestack-async.xml");
        Logger log = fixture.logger("com.shop.Checkout");
        MDC.put("traceId", "async-trace");
        MDC.put("userId", "u-async");

        log.info("queued");
        log.error("failed in background", new IllegalStateException("db down"));
        fixture.close();

        String thread = Thread.currentThread().getName();
        List<String> logs = stub.awaitBodies(IngestStub.LOGS, 2);
        assertEquals(Set.of("queued", "failed in background"), messages(logs));
        for (JsonNode entry : json(logs)) {
            assertEquals("async-trace", entry.get("traceId").asText());
            assertEquals(thread, entry.at("/metadata/thread").asText());
        }
        List<JsonNode> errors = json(stub.awaitBodies(IngestStub.ERRORS, 1));
        assertEquals(1, errors.size());
        assertEquals("java.lang.IllegalStateException", errors.get(0).get("exceptionClass").asText());
        assertEquals("u-async", errors.get(0).at("/user/id").asText());
        assertEquals(thread, errors.get(0).at("/metadata/thread").asText());
    }

    @Test
    @Timeout(60)
    void shipsEveryEventLoggedConcurrentlyFromManyThreads() throws InterruptedException {
        LogbackFixture fixture = logback.load("seestack-basic.xml");
        Logger log = fixture.logger("com.shop.Checkout");
        int threads = 4;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int id = t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    log.info("worker {} event {}", id, i);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        flush();

        assertEquals(threads * perThread, messages(stub.awaitBodies(IngestStub.LOGS, threads * perThread)).size());
        assertEquals(threads * perThread, stub.count(IngestStub.LOGS));
    }

    /**
     * Uses the JVM-wide context that SLF4J (and, through slf4j-jdk-platform-logging, the JDK's System.Logger)
     * binds to, at DEBUG everywhere, with a client that sends through {@code java.net.http.HttpClient}, whose
     * request log is on in this module's tests ({@code jdk.httpclient.HttpClient.log}): the SDK's own HTTP
     * client logs every request it sends into the context the appender is attached to.
     */
    @Test
    @Timeout(60)
    void neverShipsRecordsOfTheSdkItsHttpClientOrItsThreads() throws InterruptedException {
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
        ClientRegistry.initExplicit(SeeStackConfig.builder(name -> null).apiKey(IngestStub.API_KEY)
                .host(stub.host()).environment("test").flushIntervalMs(200).build(),
                ClientComponents.defaults().shutdownHook(false)
                        .transport(config -> new NettyTransport(config.host(), config.apiKey())));
        try {
            LogbackFixture fixture = LogbackFixture.load(global, "seestack-recursion.xml", stub);
            @SuppressWarnings("unchecked")
            ListAppender<ILoggingEvent> jdkHttp = (ListAppender<ILoggingEvent>) global
                    .getLogger("jdk.httpclient").getAppender("JDK_HTTP");
            Logger app = fixture.logger("com.shop.Checkout");
            int n = 5;
            for (int i = 0; i < n; i++) {
                app.info("event {}", i);
                flush();
            }
            fixture.logger("dev.seestack.internal.delivery.DeliveryPipeline").warn("from the SDK");
            fixture.logger("dev.seestack.logback.SeeStackAppender").error("from the adapter", new RuntimeException());
            Thread sdkThread = new Thread(() -> app.error("on an SDK thread", new RuntimeException()), "seestack-test-1");
            sdkThread.start();
            sdkThread.join();

            flush();
            fixture.reconfigure("logback-test.xml");

            List<String> sendsLogged = jdkHttp.list.stream()
                    .filter(e -> e.getLoggerName().startsWith("jdk.httpclient"))
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains(IngestStub.LOGS))
                    .collect(Collectors.toList());
            assertEquals(List.of(), sendsLogged, "the SDK's HTTP engine is not the JDK client");
            assertEquals(List.of(), global.getLoggerList().stream().map(l -> l.getName())
                    .filter(name -> name.startsWith("io.netty") || name.contains(".shaded."))
                    .collect(Collectors.toList()), "the SDK's HTTP engine logs nothing into the application's context");
            assertEquals(IntStream.range(0, n).mapToObj(i -> "event " + i).collect(Collectors.toSet()),
                    messages(stub.awaitBodies(IngestStub.LOGS, n)));
            assertEquals(n, stub.count(IngestStub.LOGS));
            assertEquals(0, stub.count(IngestStub.ERRORS));
        } finally {
            LogbackFixture.load(global, "logback-test.xml", stub);
            ClientRegistry.closeCurrent();
        }
    }

    private static Set<String> messages(List<String> bodies) {
        return json(bodies).stream().map(n -> n.get("message").asText()).collect(Collectors.toSet());
    }
}
