/**
 * The one table of SDK options (name, type, default, environment variable, validation, documentation) and the
 * typed, validated values read from it by every integration. It also holds the checks a configuration passes before
 * a client starts.
 */
package dev.seestack.internal.options;
