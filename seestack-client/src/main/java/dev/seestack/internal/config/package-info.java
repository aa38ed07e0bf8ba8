/**
 * Interpretation of the connection options a client starts with: when plain HTTP is refused, the {@code proxy}
 * address and the {@code trustStore} file. Each turns one option's text into what the transport needs, failing with
 * a message that names the option.
 */
package dev.seestack.internal.config;
