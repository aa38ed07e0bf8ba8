package dev.seestack.test;

/** A cron heartbeat as sent to {@code /ingest/v1/heartbeat}. */
public final class CapturedHeartbeat extends Captured {
    CapturedHeartbeat(String json) {
        super(json);
    }

    public String slug() {
        return text("slug");
    }

    /** {@code success} or {@code failed}. */
    public String status() {
        return text("status");
    }

    public long durationMs() {
        return number("durationMs");
    }

    /** The failure message, or null. */
    public String message() {
        return text("message");
    }
}
