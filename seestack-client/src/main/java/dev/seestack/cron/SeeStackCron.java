package dev.seestack.cron;

import dev.seestack.SeeStackClient;
import dev.seestack.internal.ClientRegistry;
import dev.seestack.internal.cron.HeartbeatReporter;
import java.util.concurrent.Callable;

/**
 * Runs a job and reports it to the cron monitor {@code slug}: {@code success} with the duration, or
 * {@code failed} with the exception's message, rethrowing the very same exception (never wrapped). The
 * heartbeat is sent off the caller's thread and not waited for: a short-lived batch JVM should call
 * {@code SeeStack.flush()} before exiting (the shutdown hook also drains, within 5 s).
 *
 * <pre>{@code
 * SeeStackCron.run("nightly-report", () -> report.generate());
 * }</pre>
 */
public final class SeeStackCron {
    private SeeStackCron() {
    }

    /** Runs {@code job}, reporting to the process-wide client (nothing is reported before {@code SeeStack.init}). */
    public static void run(String slug, Runnable job) {
        run(ClientRegistry.current(), slug, job);
    }

    /** Runs {@code job}, reporting to {@code client} (null: just runs it). */
    public static void run(SeeStackClient client, String slug, Runnable job) {
        JobHandle handle = JobHandle.start(slug);
        try {
            job.run();
        } catch (RuntimeException | Error e) {
            report(client, handle, JobStatus.FAILED, e);
            throw e;
        }
        report(client, handle, JobStatus.SUCCESS, null);
    }

    /** Calls {@code job} and returns its result, reporting to the process-wide client. */
    public static <T> T call(String slug, Callable<T> job) throws Exception {
        return call(ClientRegistry.current(), slug, job);
    }

    /**
     * Calls {@code job} and returns its result, reporting to {@code client}. Whatever the job throws is rethrown
     * as is (never wrapped); like {@link Callable#call()} this declares {@code throws Exception}.
     */
    public static <T> T call(SeeStackClient client, String slug, Callable<T> job) throws Exception {
        JobHandle handle = JobHandle.start(slug);
        T result;
        try {
            result = job.call();
        } catch (Exception | Error e) {
            report(client, handle, JobStatus.FAILED, e);
            throw e;
        }
        report(client, handle, JobStatus.SUCCESS, null);
        return result;
    }

    private static void report(SeeStackClient client, JobHandle handle, JobStatus status, Throwable failure) {
        if (client == null) {
            return;
        }
        try {
            client.finishJob(handle, status, failure == null ? null : HeartbeatReporter.failureMessage(failure));
        } catch (RuntimeException | LinkageError e) {
            // reporting must never replace the job's own outcome
        }
    }
}
