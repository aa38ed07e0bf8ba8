/**
 * Feature-flag lookups: the evaluator with its per-key cache and single-flight requests, the management API source
 * and the parser of its answers. It answers from the cache, a stale entry or a disabled result when the backend
 * cannot, and never throws.
 */
package dev.seestack.internal.flags;
