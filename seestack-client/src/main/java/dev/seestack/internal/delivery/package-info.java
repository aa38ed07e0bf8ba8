/**
 * The delivery pipeline: per-feature buffers with their memory budget, the sender threads, the in-flight window and
 * its queueing gate, retries, and the counting of every item's fate in {@code stats()}. It owns when and how often a
 * captured item is sent and what is counted when it is not; the HTTP engine behind it is {@code internal.transport}.
 */
package dev.seestack.internal.delivery;
