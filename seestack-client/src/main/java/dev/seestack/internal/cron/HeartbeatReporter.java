package dev.seestack.internal.cron;

import dev.seestack.internal.json.BlankText;
import dev.seestack.cron.JobHandle;
import dev.seestack.cron.JobStatus;
import dev.seestack.internal.Capture;
import dev.seestack.internal.event.Feature;
import java.util.regex.Pattern;

/** Validates a finished job and hands its heartbeat to the pipeline (sent immediately, off the caller's thread). */
public final class HeartbeatReporter {
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9-]+$");

    private HeartbeatReporter() {
    }

    /** Whether {@code slug} is a valid cron monitor slug ({@code ^[a-z0-9-]+$}). */
    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /** Enqueues the heartbeat of {@code handle}; a null status or an invalid slug is warned about once and nothing is sent. */
    public static void report(Capture capture, JobHandle handle, JobStatus status, String message) {
        try {
            if (capture == null || !capture.admits(Feature.HEARTBEATS)) {
                return;
            }
            if (handle == null) {
                capture.rejectLocally(Feature.HEARTBEATS, "finishJob without a job handle");
                return;
            }
            String slug = handle.slug();
            if (status == null) {
                capture.diagnostics().warnOnce("cron-null-status-" + slug, "SeeStack SDK: finishJob for cron monitor '"
                        + slug + "' was called without a status; no heartbeat is sent for it.");
                capture.rejectLocally(Feature.HEARTBEATS, "missing cron status");
                return;
            }
            if (!isValidSlug(slug)) {
                capture.diagnostics().warnOnce("cron-slug-" + slug, "SeeStack SDK: cron monitor slug '" + slug
                        + "' is invalid (must match ^[a-z0-9-]+$); no heartbeat is sent for it.");
                capture.rejectLocally(Feature.HEARTBEATS, "invalid cron slug");
                return;
            }
            capture.enqueue(new Heartbeat(slug, status, handle.elapsedMs(), message));
        } catch (RuntimeException | LinkageError e) {
            capture.rejectLocally(Feature.HEARTBEATS, "heartbeat could not be captured: " + e);
        }
    }

    /** The heartbeat message for a failure: the exception's message, else its class name. */
    public static String failureMessage(Throwable t) {
        String m = null;
        try {
            m = t.getMessage();
        } catch (RuntimeException ignored) {
            // a throwing getMessage() falls back to the class name
        }
        return BlankText.isBlank(m) ? t.getClass().getName() : m;
    }
}
