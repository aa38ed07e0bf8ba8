/**
 * The core's event model: logs, errors and their metadata as captured on the application's thread, the features
 * they belong to, levels, timestamps and the throwable rendering used on the sender thread. It also owns which user
 * an event carries and which throwables were already sent.
 */
package dev.seestack.internal.event;
