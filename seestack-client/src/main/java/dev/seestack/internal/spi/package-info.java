/**
 * The test-only service interface that replaces where every implicitly started client sends to (found with
 * {@link java.util.ServiceLoader}), and its one lookup per class loader. Production class paths carry no
 * implementation.
 */
package dev.seestack.internal.spi;
