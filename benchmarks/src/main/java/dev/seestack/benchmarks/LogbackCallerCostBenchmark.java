package dev.seestack.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.MDC;

/**
 * What one SLF4J call costs the application's thread behind each Logback contender, for five call shapes.
 * Iterations are short (100 ms) and followed by a drain, so the accept-path contender never drops; drops of
 * every iteration are reported as the {@code drops} counter (a row with drops is not an accept-path result).
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 20, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class LogbackCallerCostBenchmark {
    @Param({"noop", "async-noop", "seestack", "seestack-http", "sentry", "loki4j"})
    public String contender;

    private CountingServer server;
    private LogbackContender setup;
    private long dropsAtIterationStart;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = CountingServer.start(4);
        setup = new LogbackContender(contender, server);
    }

    @Setup(Level.Iteration)
    public void markDrops() {
        dropsAtIterationStart = setup.drops();
    }

    @TearDown(Level.Iteration)
    public void drain() {
        if (!contender.equals("seestack-http")) {
            setup.drain();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        setup.close();
        server.close();
    }

    /**
     * Per iteration: items dropped by the SDK, and the bytes the benchmark thread itself allocated with the
     * number of calls it made ({@code callerBytes / calls} is the caller-thread allocation per call; the
     * {@code gc.alloc.rate.norm} column also counts the SDK's sender threads).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Drops {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        public long drops;
        public long callerBytes;
        public long calls;
        private long bytesAtStart;

        @Setup(Level.Iteration)
        public void start() {
            calls = 0;
            bytesAtStart = THREADS.getCurrentThreadAllocatedBytes();
        }

        @TearDown(Level.Iteration)
        public void stop(LogbackCallerCostBenchmark benchmark) {
            callerBytes = THREADS.getCurrentThreadAllocatedBytes() - bytesAtStart;
            drops = benchmark.setup.drops() - benchmark.dropsAtIterationStart;
        }
    }

    /** Per-thread MDC of five keys, as a request filter would set. */
    @State(Scope.Thread)
    public static class RequestContext {
        long counter;

        @Setup(Level.Trial)
        public void fillMdc() {
            MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            MDC.put("service", "checkout");
            MDC.put("userId", "user-42");
            MDC.put("tenant", "acme");
            MDC.put("requestPath", "/orders");
        }

        @TearDown(Level.Trial)
        public void clearMdc() {
            MDC.clear();
        }
    }

    @State(Scope.Thread)
    public static class NoContext {
        long counter;

        @Setup(Level.Trial)
        public void clearMdc() {
            MDC.clear();
        }
    }

    @Benchmark
    public void plainMessage(NoContext ctx, Drops counters) {
        counters.calls++;
        setup.logger.info("order placed");
    }

    @Benchmark
    public void twoParameters(NoContext ctx, Drops counters) {
        counters.calls++;
        setup.logger.info("order {} placed by {}", ++ctx.counter, "user-42");
    }

    @Benchmark
    public void fiveMdcKeys(RequestContext ctx, Drops counters) {
        counters.calls++;
        setup.logger.info("order {} placed", ++ctx.counter);
    }

    @Benchmark
    public void threeKeyValuePairs(NoContext ctx, Drops counters) {
        counters.calls++;
        setup.logger.atInfo().addKeyValue("orderId", ++ctx.counter).addKeyValue("amount", 129.90)
                .addKeyValue("currency", "EUR").log("order placed");
    }

    @Benchmark
    public void errorWithThreeLevelCauseChain(NoContext ctx, Drops counters) {
        counters.calls++;
        java.io.IOException root = new java.net.SocketTimeoutException("read timed out");
        Exception middle = new java.io.UncheckedIOException("gateway call failed", root);
        setup.logger.error("payment failed for order {}", ++ctx.counter, new IllegalStateException("payment failed", middle));
    }
}
