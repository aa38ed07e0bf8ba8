package dev.seestack.test;

import java.util.Map;

/** A log as sent to {@code /ingest/v1/logs}. */
public final class CapturedLog extends Captured {
    CapturedLog(String json) {
        super(json);
    }

    /** {@code debug}, {@code info}, {@code warn}, {@code error} or {@code fatal}. */
    public String level() {
        return text("level");
    }

    public String message() {
        return text("message");
    }

    public String service() {
        return text("service");
    }

    public String traceId() {
        return text("traceId");
    }

    public Map<String, Object> metadata() {
        return object("metadata");
    }
}
