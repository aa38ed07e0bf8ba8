/**
 * Carries a thread's request context ({@code SeeStackContext} and a copy of the SLF4J MDC) to the work it submits,
 * so that events captured on another thread keep their trace and user. It owns the snapshot, its re-establishment on
 * the running thread and its restoration afterwards.
 */
package dev.seestack.internal.context;
