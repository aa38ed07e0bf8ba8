package dev.seestack.cron;

/**
 * A started cron job run: its monitor slug and a monotonic start time. Besides {@code SeeStackCron.run/call},
 * this is the one way to time a job: {@code SeeStack.startJob(slug)} when it starts, then
 * {@code SeeStack.finishJob(handle, status, message)} (or the same methods of a {@code SeeStackClient}).
 */
public final class JobHandle {
    private final String slug;
    private final long startNanos;

    private JobHandle(String slug, long startNanos) {
        this.slug = slug;
        this.startNanos = startNanos;
    }

    /** Starts timing a run of the monitor {@code slug} now; the same as {@code SeeStack.startJob(slug)}. */
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
