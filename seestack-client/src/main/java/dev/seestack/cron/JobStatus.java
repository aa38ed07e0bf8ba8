package dev.seestack.cron;

/** Outcome of a cron job run, sent as the heartbeat's {@code status}. */
public enum JobStatus {
    /** The job finished normally ({@code success}). */
    SUCCESS("success"),
    /** The job failed ({@code failed}); the heartbeat's message says why. */
    FAILED("failed");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The protocol's value: {@code success} or {@code failed}. */
    public String wireName() {
        return wireName;
    }
}
