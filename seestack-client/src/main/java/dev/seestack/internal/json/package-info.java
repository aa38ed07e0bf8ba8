/**
 * The SDK's own JSON: a streaming writer whose output is always valid, a compact reader for the few answers it
 * parses, and the sanitizer that turns application values into a JSON-safe snapshot on the capturing thread. It also
 * holds the one definition of a blank text the backend rejects.
 */
package dev.seestack.internal.json;
