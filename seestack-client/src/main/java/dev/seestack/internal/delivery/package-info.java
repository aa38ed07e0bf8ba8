/**
 * The delivery pipeline: it owns when and how often a captured item is sent and what is counted when it is not — the
 * per-feature buffers, the sender threads, the in-flight window, the retries and every item's fate in
 * {@code stats()}, all state guarded by the one lock of {@code PipelineControl} and every answer judged by the one
 * {@code Outcome} table. The pure policies ({@code InFlightWindow}, {@code QueueingGate}, {@code RetryPolicy}) hold no
 * lock, and the HTTP engine behind it is {@code internal.transport}.
 */
package dev.seestack.internal.delivery;
