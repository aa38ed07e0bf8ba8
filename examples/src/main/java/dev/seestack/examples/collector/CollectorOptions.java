package dev.seestack.examples.collector;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Settings of a {@link LocalCollector}; build with {@link #builder()} or parse command-line arguments. */
public final class CollectorOptions {
    /** Default port: unused by common tools (4317/4318 are OTLP, 8080 is everyone's app). */
    public static final int DEFAULT_PORT = 7717;
    /** Default ingest key expected in {@code X-SeeStack-Key}. */
    public static final String DEFAULT_API_KEY = "local-dev-key";
    /** Default management token expected in {@code Authorization: Bearer} on the flag endpoints. */
    public static final String DEFAULT_FLAGS_TOKEN = "local-flags-token";

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: LocalCollector [options]",
            "  --port N            port on 127.0.0.1 (default " + DEFAULT_PORT + "; 0 picks a free one)",
            "  --api-key KEY       ingest key expected in X-SeeStack-Key (default " + DEFAULT_API_KEY + ")",
            "  --flags-token TOK   token expected in 'Authorization: Bearer' on the flag endpoints (default "
                    + DEFAULT_FLAGS_TOKEN + ")",
            "  --flags FILE        feature flags JSON file (default: the bundled flags.json)",
            "  --monitors a,b      known cron monitor slugs; other slugs get 404 (default: every slug is known)",
            "  --jsonl FILE        append every received ingest body to FILE as JSON lines",
            "  --help              print this help");

    private final int port;
    private final String apiKey;
    private final String flagsToken;
    private final Path flagsFile;
    private final Set<String> knownMonitors;
    private final Path jsonlFile;
    private final PrintStream out;

    private CollectorOptions(Builder b) {
        this.port = b.port;
        this.apiKey = b.apiKey;
        this.flagsToken = b.flagsToken;
        this.flagsFile = b.flagsFile;
        this.knownMonitors = b.knownMonitors == null ? null : Set.copyOf(b.knownMonitors);
        this.jsonlFile = b.jsonlFile;
        this.out = b.out;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses command-line arguments ({@code --port 7717} or {@code --port=7717}).
     *
     * @throws IllegalArgumentException naming the bad or unknown option
     */
    public static CollectorOptions parse(String... args) {
        Builder b = builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            switch (name) {
                case "--port":
                    b.port(parsePort(value));
                    break;
                case "--api-key":
                    b.apiKey(value);
                    break;
                case "--flags-token":
                    b.flagsToken(value);
                    break;
                case "--flags":
                    b.flagsFile(Path.of(value));
                    break;
                case "--monitors":
                    b.knownMonitors(Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                            .collect(Collectors.toCollection(LinkedHashSet::new)));
                    break;
                case "--jsonl":
                    b.jsonlFile(Path.of(value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return b.build();
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("option --port must be 0..65535, was " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --port must be a number, was " + value, e);
        }
    }

    /** Port on 127.0.0.1 (default {@value #DEFAULT_PORT}; 0 picks a free port). */
    public int port() {
        return port;
    }

    /** Ingest key expected in {@code X-SeeStack-Key} (default {@value #DEFAULT_API_KEY}). */
    public String apiKey() {
        return apiKey;
    }

    /** Token expected as {@code Authorization: Bearer <token>} on the flag endpoints (default {@value #DEFAULT_FLAGS_TOKEN}). */
    public String flagsToken() {
        return flagsToken;
    }

    /** Flags file; null means the bundled {@code flags.json}. */
    public Path flagsFile() {
        return flagsFile;
    }

    /** Known cron monitor slugs (others get 404); null (the default) means every slug is known. */
    public Set<String> knownMonitors() {
        return knownMonitors;
    }

    /** File every received ingest body is appended to as JSON lines; null (the default) means none. */
    public Path jsonlFile() {
        return jsonlFile;
    }

    /** Where accepted events and rejections are printed, one line each (default {@code System.out}). */
    public PrintStream out() {
        return out;
    }

    /** Builder of {@link CollectorOptions}, starting from the defaults. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String apiKey = DEFAULT_API_KEY;
        private String flagsToken = DEFAULT_FLAGS_TOKEN;
        private Path flagsFile;
        private Set<String> knownMonitors;
        private Path jsonlFile;
        private PrintStream out = System.out;

        private Builder() {
        }

        /** Port on 127.0.0.1; 0 picks a free one (default {@value CollectorOptions#DEFAULT_PORT}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Expected ingest key (default {@value CollectorOptions#DEFAULT_API_KEY}). */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** Expected flags bearer token (default {@value CollectorOptions#DEFAULT_FLAGS_TOKEN}). */
        public Builder flagsToken(String flagsToken) {
            this.flagsToken = Objects.requireNonNull(flagsToken, "flagsToken");
            return this;
        }

        /** Flags JSON file; null uses the bundled one. */
        public Builder flagsFile(Path flagsFile) {
            this.flagsFile = flagsFile;
            return this;
        }

        /** Known cron monitor slugs; null accepts every slug (the default). */
        public Builder knownMonitors(Set<String> knownMonitors) {
            this.knownMonitors = knownMonitors;
            return this;
        }

        /** JSONL file receiving every ingest body; null writes none (the default). */
        public Builder jsonlFile(Path jsonlFile) {
            this.jsonlFile = jsonlFile;
            return this;
        }

        /** Stream for the one-line event log (default {@code System.out}). */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        public CollectorOptions build() {
            return new CollectorOptions(this);
        }
    }
}
