/**
 * What every logging adapter shares: its options bound from the option table, its session with the process-wide
 * client, and the router that maps a framework event to logs, errors and breadcrumbs. It also keeps the events
 * written before a client exists and keeps the SDK from shipping its own log records.
 */
package dev.seestack.internal.logging;
