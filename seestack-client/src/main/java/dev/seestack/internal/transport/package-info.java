/**
 * The HTTP engine behind ingest, the spool's resends and feature flags, and the connections it owns: one event loop
 * over pooled connections per origin, proxies, TLS, HTTP/2 by ALPN, idle eviction. The pipeline sends through its
 * {@link dev.seestack.internal.transport.Transport}, which reports each request's status or a failure that says
 * whether the backend may have stored it.
 */
package dev.seestack.internal.transport;
