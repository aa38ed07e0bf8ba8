package dev.seestack.examples.collector;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.ObjectMapper;

/**
 * A zero-setup SeeStack backend for a laptop: serves the four ingest endpoints and the two flag endpoints
 * of the contract on 127.0.0.1, validates every body against the contract schemas, prints one line per
 * event and counts what it got. Run it with {@link #main} or embed it with {@link #start(int)}.
 */
public final class LocalCollector implements AutoCloseable {
    /** Worker threads answering requests. */
    static final int WORKER_THREADS = 4;

    private final CollectorOptions options;
    private final HttpServer server;
    private final ExecutorService workers;
    private final CollectorCounters counters = new CollectorCounters();
    private final ReceivedBodies received = new ReceivedBodies();
    private final JsonlRecorder jsonl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalCollector(CollectorOptions options) throws IOException {
        this.options = options;
        ObjectMapper mapper = ResponseWriter.defaultMapper();
        ContractValidator validator = new ContractValidator();
        FlagStore flags = FlagStore.load(options.flagsFile(), mapper);
        EventPrinter printer = new EventPrinter(options.out());
        this.jsonl = options.jsonlFile() == null ? null : new JsonlRecorder(options.jsonlFile(), mapper);
        // Without TCP_NODELAY every answer waits ~40 ms (Nagle + delayed ACK). The JDK reads this property once,
        // when the first HttpServer is created in the process.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, workerThreads());
        server.setExecutor(workers);
        for (EventKind kind : EventKind.values()) {
            server.createContext(kind.path(),
                    new IngestHandler(kind, options, mapper, validator, counters, received, printer, jsonl));
        }
        server.createContext(FlagsHandler.CONTEXT, new FlagsHandler(options, mapper, flags, counters, printer));
        server.start();
    }

    /** Starts a collector with default options on {@code port} (0 picks a free port). */
    public static LocalCollector start(int port) {
        return start(CollectorOptions.builder().port(port).build());
    }

    /**
     * Starts a collector with {@code options}.
     *
     * @throws UncheckedIOException when the port cannot be bound or the JSONL/flags file cannot be read
     */
    public static LocalCollector start(CollectorOptions options) {
        try {
            return new LocalCollector(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local collector on port " + options.port(), e);
        }
    }

    /** Base URL to configure as the SDK's {@code host}, e.g. {@code http://127.0.0.1:7717}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The options this collector runs with. */
    public CollectorOptions options() {
        return options;
    }

    /** Counts so far (a snapshot). */
    public CollectorSummary summary() {
        return counters.snapshot();
    }

    /** Accepted request bodies of {@code kind} in arrival order (the latest 10 000 per kind). */
    public List<String> receivedBodies(EventKind kind) {
        return received.of(kind);
    }

    /** Stops answering and closes the JSONL file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (jsonl != null) {
            jsonl.close();
        }
    }

    private static java.util.concurrent.ThreadFactory workerThreads() {
        AtomicInteger next = new AtomicInteger(1);
        return runnable -> {
            Thread thread = new Thread(runnable, "local-collector-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs the collector until Ctrl-C, then prints the summary. Options: see {@code --help}. */
    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(CollectorOptions.USAGE);
            return;
        }
        CollectorOptions options;
        try {
            options = CollectorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LocalCollector: " + e.getMessage());
            System.err.println(CollectorOptions.USAGE);
            System.exit(2);
            return;
        }
        silenceSchemaValidatorLogging();
        LocalCollector collector = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            collector.close();
            System.out.println();
            System.out.print(collector.summary().toText());
            System.out.flush();
            stopped.countDown();
        }, "local-collector-shutdown"));
        System.out.println(banner(collector));
        stopped.await();
    }

    /**
     * The schema validator logs through SLF4J, which has no provider in a standalone run and would print a
     * warning at start-up; choose SLF4J's built-in no-op provider unless the user picked one.
     */
    private static void silenceSchemaValidatorLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    private static String banner(LocalCollector collector) {
        CollectorOptions o = collector.options();
        return String.join(System.lineSeparator(),
                "SeeStack local collector listening on " + collector.url(),
                "  ingest key  : " + o.apiKey() + "  (X-SeeStack-Key)",
                "  flags token : " + o.flagsToken() + "  (Authorization: Bearer)",
                "  monitors    : " + (o.knownMonitors() == null ? "every slug" : String.join(", ", o.knownMonitors())),
                "  flags       : " + (o.flagsFile() == null ? "bundled flags.json" : o.flagsFile()),
                "  jsonl       : " + (o.jsonlFile() == null ? "off" : o.jsonlFile()),
                "Point an app at it:",
                "  export SEESTACK_HOST=" + collector.url() + " SEESTACK_API_KEY=" + o.apiKey()
                        + " SEESTACK_ENVIRONMENT=development SEESTACK_FLAGS_TOKEN=" + o.flagsToken(),
                "Press Ctrl-C to stop and print the summary.");
    }
}
