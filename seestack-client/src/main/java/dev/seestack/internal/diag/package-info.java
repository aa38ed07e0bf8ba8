/**
 * The SDK's own diagnostics: debug lines, warnings once per condition, and the thinned reports of dropped items, to
 * stderr and the logging framework's status channel. It never writes through the application's logger, which would
 * loop back into the SDK.
 */
package dev.seestack.internal.diag;
