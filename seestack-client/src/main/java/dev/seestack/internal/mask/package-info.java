/**
 * The one masking rule set applied to every payload before it leaves the process: secret-named metadata keys, query
 * and path parameters, authorization headers, credentials in URLs and connection strings, SQL literals in error text.
 * Names are judged on their whole words (split at camelCase and separators), never on substrings.
 */
package dev.seestack.internal.mask;
