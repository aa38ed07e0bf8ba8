package dev.seestack.examples.demo;

import dev.seestack.ClientStats;
import dev.seestack.FeatureStats;
import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.SeeStackContext;
import dev.seestack.cron.SeeStackCron;
import dev.seestack.flags.FlagResult;
import dev.seestack.http.SeeStackHttpClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.apache.logging.log4j.CloseableThreadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The demo's body: initialises the SDK once, then logs through Logback, Log4j2 and JUL, serves and makes an
 * HTTP request, runs two cron jobs, evaluates two flags, flushes, and tears everything down again.
 *
 * <p>One SDK client per JVM: {@code SeeStack.init} runs in code <em>before</em> any logging framework is
 * configured, so every appender/handler shares that client (their own {@code apiKey}/{@code host} options are
 * only used by an appender that starts first, as in the per-integration examples). Closing the frameworks
 * flushes their buffered events but leaves the client running; {@code SeeStack.close()} stops it at the end.
 */
public final class DemoRun {
    /** System property holding the SeeStack host for {@code demo-log4j2.xml} and {@code demo-logging.properties}. */
    static final String HOST_PROPERTY = "seestack.demo.host";
    /** System property holding the API key for {@code demo-log4j2.xml} and {@code demo-logging.properties}. */
    static final String API_KEY_PROPERTY = "seestack.demo.apiKey";

    private static final Duration FLUSH_DEADLINE = Duration.ofSeconds(10);
    private static final long HTTP_CAPTURE_WAIT_MS = 10_000;

    private final DemoTarget target;
    private final PrintStream out;
    private final Map<String, String> traceIds = new LinkedHashMap<>();

    private DemoRun(DemoTarget target, PrintStream out) {
        this.target = target;
        this.out = out;
    }

    /**
     * Runs the whole demo against {@code target}, narrating on {@code out}. Every global it touches (the SDK
     * client, SLF4J's Logback context, the Log4j2 context, the JUL LogManager, two system properties) is
     * stopped or restored before it returns.
     *
     * @throws Exception when a framework cannot be configured or the web server cannot start
     */
    public static DemoResult run(DemoTarget target, PrintStream out) throws Exception {
        return new DemoRun(target, out).run();
    }

    private DemoResult run() throws Exception {
        String previousHost = System.setProperty(HOST_PROPERTY, target.host());
        String previousKey = System.setProperty(API_KEY_PROPERTY, target.apiKey());
        SeeStack.init(SeeStackConfig.builder()
                .host(target.host())
                .apiKey(target.apiKey())
                .environment(target.environment())
                .projectId(target.projectId())
                .flagsToken(target.flagsToken())
                .release("demo-1.0")
                .flushIntervalMs(500)
                .build());
        out.println("SeeStack SDK initialised: host " + target.host() + ", environment " + target.environment());
        LogbackSetup logback = null;
        Log4j2Setup log4j2 = null;
        JulSetup jul = null;
        DemoWebServer web = null;
        try {
            logback = LogbackSetup.configure(target);
            logThroughLogback();
            log4j2 = Log4j2Setup.configure();
            logThroughLog4j2(log4j2);
            jul = JulSetup.configure();
            logThroughJul();
            web = DemoWebServer.start();
            serveOneRequest(web);
            Exception failedJob = runCronJobs();
            Map<String, FlagResult> flags = evaluateFlags();
            out.println("Flushing ...");
            boolean flushed = SeeStack.flush(FLUSH_DEADLINE);
            ClientStats stats = SeeStack.stats();
            printCounters(stats);
            return new DemoResult(Map.copyOf(traceIds), flags, failedJob, stats, flushed);
        } finally {
            closeQuietly(web);
            closeQuietly(jul);
            closeQuietly(log4j2);
            closeQuietly(logback);
            SeeStack.close();
            restore(HOST_PROPERTY, previousHost);
            restore(API_KEY_PROPERTY, previousKey);
        }
    }

    private void logThroughLogback() {
        String traceId = newTraceId();
        traceIds.put("logback", traceId);
        Logger log = LoggerFactory.getLogger("demo.shop.Checkout");
        out.println("Logback (SLF4J, demo-logback.xml): an info log and an error with a cause chain, MDC traceId="
                + traceId + " service=checkout userId=alice");
        try (MDC.MDCCloseable t = MDC.putCloseable("traceId", traceId);
                MDC.MDCCloseable s = MDC.putCloseable("service", "checkout");
                MDC.MDCCloseable u = MDC.putCloseable("userId", "alice")) {
            log.atInfo().addKeyValue("orderId", "A-1001").log("order {} placed", "A-1001");
            log.error("payment for order {} failed", "A-1001", new IllegalStateException("payment declined",
                    new IOException("gateway did not answer", new SocketTimeoutException("read timed out"))));
        }
    }

    private void logThroughLog4j2(Log4j2Setup log4j2) {
        String traceId = newTraceId();
        traceIds.put("log4j2", traceId);
        org.apache.logging.log4j.Logger log = log4j2.context().getLogger("demo.billing.Invoices");
        out.println("Log4j2 (ThreadContext, demo-log4j2.xml): an info log and an error, traceId=" + traceId
                + " service=billing userId=bob");
        try (CloseableThreadContext.Instance context = CloseableThreadContext.put("traceId", traceId)
                .put("service", "billing").put("userId", "bob")) {
            log.info("invoice {} issued", "INV-7");
            log.error("invoice {} could not be mailed", "INV-7",
                    new UncheckedIOException("mail server refused the message", new IOException("550 mailbox unavailable")));
        }
    }

    private void logThroughJul() {
        String traceId = newTraceId();
        traceIds.put("jul", traceId);
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("demo.inventory.Stock");
        out.println("JUL (SeeStackContext, demo-logging.properties): an info log and a SEVERE with a throwable, traceId="
                + traceId + " service=inventory userId=carol");
        try (SeeStackContext.Scope scope = SeeStackContext.with(traceId, "inventory", "carol")) {
            log.log(Level.INFO, "reserved {0} units of {1}", new Object[] {3, "SKU-42"});
            log.log(Level.SEVERE, "stock sync failed", new IllegalStateException("warehouse out of sync",
                    new ArithmeticException("negative stock: -3")));
        }
    }

    private void serveOneRequest(DemoWebServer web) throws IOException, InterruptedException {
        String traceId = newTraceId();
        traceIds.put("http", traceId);
        HttpClient http = SeeStackHttpClient.wrap(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        URI uri = URI.create(web.url() + "/orders/A-1001");
        out.println("HTTP: GET " + uri + " through SeeStackHttpClient (outbound), served by Jetty behind"
                + " SeeStackServletFilter (inbound), traceId=" + traceId);
        long capturedBefore = SeeStack.stats().httpRequests().captured();
        try (SeeStackContext.Scope scope = SeeStackContext.with(traceId, "shop-frontend", null)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            out.println("  answered " + response.statusCode() + " " + response.body());
        }
        // The filter records the exchange when the servlet chain returns, which can be just after the client has
        // read the response: wait until both sides are captured before flushing.
        long deadline = System.nanoTime() + HTTP_CAPTURE_WAIT_MS * 1_000_000;
        while (SeeStack.stats().httpRequests().captured() < capturedBefore + 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private Exception runCronJobs() {
        out.println("Cron: SeeStackCron.run(\"demo-nightly-report\") succeeds");
        SeeStackCron.run("demo-nightly-report", () -> {
            long total = 0;
            for (int i = 1; i <= 1000; i++) {
                total += i;
            }
            out.println("  report total " + total);
        });
        out.println("Cron: SeeStackCron.run(\"demo-import-feed\") fails");
        try {
            SeeStackCron.run("demo-import-feed", () -> {
                throw new IllegalStateException("feed unavailable: 3 rows rejected");
            });
            return null;
        } catch (IllegalStateException e) {
            out.println("  the job rethrew: " + e);
            return e;
        }
    }

    private Map<String, FlagResult> evaluateFlags() {
        Map<String, FlagResult> flags = new LinkedHashMap<>();
        FlagResult checkout = SeeStack.getFlag("new-checkout", "alice", Map.of("plan", "pro"));
        out.println("Flags: new-checkout for alice -> " + checkout + " (asString: " + checkout.asString("control") + ")");
        flags.put("new-checkout", checkout);
        FlagResult search = SeeStack.getFlag("beta-search", "carol", Map.of());
        out.println("Flags: beta-search for carol -> " + search + " (asBoolean: " + search.asBoolean() + ")");
        flags.put("beta-search", search);
        return flags;
    }

    private void printCounters(ClientStats stats) {
        out.println("  SDK counters (flushed: " + flushedText(stats) + "):");
        printCounter("errors", stats.errors());
        printCounter("logs", stats.logs());
        printCounter("http", stats.httpRequests());
        printCounter("heartbeats", stats.heartbeats());
    }

    private static String flushedText(ClientStats stats) {
        long pending = stats.errors().pending() + stats.logs().pending() + stats.httpRequests().pending()
                + stats.heartbeats().pending();
        return pending == 0 ? "nothing pending" : pending + " still pending";
    }

    private void printCounter(String kind, FeatureStats feature) {
        out.printf("    %-10s captured %3d  sent %3d  dropped %3d  rejected %3d%n", kind, feature.captured(),
                feature.sent(), feature.droppedBufferFull() + feature.droppedAfterRetries() + feature.droppedDisabled(),
                feature.rejected());
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            out.println("  (could not close " + closeable.getClass().getSimpleName() + ": " + e + ")");
        }
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
