/**
 * HTTP monitoring shared by every HTTP integration: the monitor that turns request events into batched items, the
 * inbound and outbound exchanges that decide what is recorded and which trace id a request carries, and the byte
 * counters of their wrappers. It also adopts an active tracer's trace id and reaches the SLF4J MDC reflectively.
 */
package dev.seestack.internal.http;
