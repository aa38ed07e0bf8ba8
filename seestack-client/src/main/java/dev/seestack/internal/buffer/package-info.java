/**
 * The lock-free bounded ring buffer each feature's items wait in between the capture call and the sender threads.
 * A producer never blocks: when the buffer is full the oldest item is evicted and handed back, so the caller counts
 * the drop.
 */
package dev.seestack.internal.buffer;
