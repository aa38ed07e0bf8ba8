package dev.seestack.cron;

/**
 * A started cron job run: its monitor slug and a monotonic start time. Obtained from
 * {@code SeeStack.startJob(slug)} and passed to {@code SeeStack.finishJob}.
 */
public final class JobHandle {
    private final String slug;
    private final long startNanos;

    private JobHandle(String slug, long startNanos) {
        this.slug = slug;
        this.startNanos = startNanos;
    }

    /** Starts timing a run of the monitor {@code slug} now. */
    public static JobHandle start(String slug) {
        return new JobHandle(slug, System.nanoTime());
    }

    /** The cron monitor's slug, as given. */
    public String slug() {
        return slug;
    }

    /** Milliseconds since the run started (monotonic clock), never negative. */
    public long elapsedMs() {
        return Math.max(0, (System.nanoTime() - startNanos) / 1_000_000L);
    }

    @Override
    public String toString() {
        return "JobHandle{" + slug + "}";
    }
}
