/**
 * Cron monitoring: the heartbeat body of a finished job and the reporter that validates a job's slug and status
 * before handing the heartbeat to a client's {@link dev.seestack.internal.Capture}. Timing a run belongs to the public
 * {@code dev.seestack.cron} API.
 */
package dev.seestack.internal.cron;
