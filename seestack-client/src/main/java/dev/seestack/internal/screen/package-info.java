/**
 * What a client decides about each error and log before it is buffered, and what it adds: ignored exception
 * types, the per-group rate limit, tags, {@code serverName} and the breadcrumbs of a trace. It also runs the
 * {@code beforeSend*} hooks on their own SDK thread.
 */
package dev.seestack.internal.screen;
