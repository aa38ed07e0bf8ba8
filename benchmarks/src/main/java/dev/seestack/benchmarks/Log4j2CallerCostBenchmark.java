package dev.seestack.benchmarks;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
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

/**
 * The caller-thread cost of a Log4j2 call under an all-async logger context (LMAX Disruptor): Log4j2's own
 * async logger in front of a {@code Null} appender, and in front of the SeeStack appender (accept path:
 * discarding transport, iteration-sized buffer, drained between iterations).
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 20, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g",
    "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector"})
@State(Scope.Benchmark)
public class Log4j2CallerCostBenchmark {
    @Param({"log4j2-async-noop", "log4j2-async-seestack"})
    public String contender;

    private CountingServer server;
    private LoggerContext context;
    private SeeStackClient seestack;
    private Logger logger;
    private long counter;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = CountingServer.start(4);
        System.setProperty("server.url", server.url());
        System.setProperty("seestack.bufferSize", String.valueOf(AcceptPathClient.BUFFER_SIZE));
        if (contender.endsWith("seestack")) {
            seestack = AcceptPathClient.init(server);
        }
        // under the async selector a context may already exist with the default configuration: reconfigure it
        context = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        context.setConfigLocation(Log4j2CallerCostBenchmark.class.getResource("/bench/" + contender + ".xml").toURI());
        logger = context.getLogger("com.shop.checkout.OrderService");
        if (!logger.isInfoEnabled() || context.getConfiguration().getAppender("TARGET") == null) {
            throw new IllegalStateException("log4j2 benchmark configuration did not load: " + context.getConfiguration());
        }
    }

    @TearDown(Level.Iteration)
    public void drain() {
        if (seestack != null) {
            seestack.flush(Duration.ofSeconds(120));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        Configurator.shutdown(context);
        SeeStack.close();
        server.close();
    }

    @Benchmark
    public void plainMessage() {
        logger.info("order placed");
    }

    @Benchmark
    public void twoParameters() {
        logger.info("order {} placed by {}", ++counter, "user-42");
    }

    @Benchmark
    public void fiveContextKeys() {
        ThreadContext.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        ThreadContext.put("service", "checkout");
        ThreadContext.put("userId", "user-42");
        ThreadContext.put("tenant", "acme");
        ThreadContext.put("requestPath", "/orders");
        logger.info("order {} placed", ++counter);
    }

    @Benchmark
    public void errorWithThreeLevelCauseChain() {
        java.io.IOException root = new java.net.SocketTimeoutException("read timed out");
        Exception middle = new java.io.UncheckedIOException("gateway call failed", root);
        logger.error("payment failed for order {}", ++counter, new IllegalStateException("payment failed", middle));
    }
}
