package dev.seestack.examples.demo;

import dev.seestack.ClientStats;
import dev.seestack.flags.FlagResult;
import java.util.Map;

/**
 * What one demo run did: the trace ids it used, the flag values it got, the failed job's exception and the
 * SDK's counters after the final flush.
 *
 * @param traceIds trace id used per step: {@code logback}, {@code log4j2}, {@code jul}, {@code http} (the
 *     served request's trace id, which its logs and HTTP items carry)
 * @param flags flag key to the result {@code SeeStack.getFlag} answered
 * @param failedJob the exception the failing cron job rethrew
 * @param stats the SDK client's counters after the flush
 * @param flushed whether the final flush delivered everything within its deadline
 */
public record DemoResult(Map<String, String> traceIds, Map<String, FlagResult> flags, Exception failedJob,
        ClientStats stats, boolean flushed) {

    /** The trace id of the request the embedded web server served. */
    public String servedTraceId() {
        return traceIds.get("http");
    }
}
