package dev.seestack.examples.collector;

/** The ingest endpoints the collector serves, with their contract schema and answer style. */
public enum EventKind {
    /** {@code POST /ingest/v1/errors}: one error per request, envelope answer. */
    ERROR("error", "/ingest/v1/errors", "error.schema.json", true),
    /** {@code POST /ingest/v1/logs}: one log per request, envelope answer. */
    LOG("log", "/ingest/v1/logs", "log.schema.json", true),
    /** {@code POST /ingest/v1/http-requests}: a batch of 1 to 100 HTTP items, raw answer. */
    HTTP_REQUEST("http", "/ingest/v1/http-requests", "http-requests.schema.json", false),
    /** {@code POST /ingest/v1/heartbeat}: one cron heartbeat per request, raw answer. */
    HEARTBEAT("heartbeat", "/ingest/v1/heartbeat", "heartbeat.schema.json", false);

    private final String label;
    private final String path;
    private final String schemaFile;
    private final boolean envelope;

    EventKind(String label, String path, String schemaFile, boolean envelope) {
        this.label = label;
        this.path = path;
        this.schemaFile = schemaFile;
        this.envelope = envelope;
    }

    /** Short lower-case name used in printed lines, the summary and the JSONL file. */
    public String label() {
        return label;
    }

    /** Request path of the endpoint. */
    public String path() {
        return path;
    }

    /** File name of the contract JSON Schema under {@code /contract/} on the classpath. */
    public String schemaFile() {
        return schemaFile;
    }

    /** Whether the endpoint answers with the {@code success/data/meta} envelope (else with a raw object). */
    public boolean answersWithEnvelope() {
        return envelope;
    }
}
